just text, no module
