package io.finalspec.maven;

/**
 * One machine to generate, configured in the pom:
 * {@code <machine><spec>Mutex.tla</spec><config>Mutex.cfg</config><className>MutexMachine</className></machine>}.
 * Paths are relative to {@code specDirectory} (strings, not files: Maven would resolve a file
 * against the project folder); {@code className} is optional.
 */
public class Machine {

    /** The TLA+ module file. */
    String spec;

    /** The TLC config binding the constants. */
    String config;

    /** Simple name of the generated class; derived from the module and config names when absent. */
    String className;
}
