package io.finalspec.maven;

import java.io.File;

/**
 * One machine to generate, configured in the pom:
 * {@code <machine><spec>Mutex.tla</spec><config>Mutex.cfg</config><className>MutexMachine</className></machine>}.
 * Paths are relative to {@code specDirectory}; {@code className} is optional.
 */
public class Machine {

    /** The TLA+ module file. */
    File spec;

    /** The TLC config binding the constants. */
    File config;

    /** Simple name of the generated class; derived from the module and config names when absent. */
    String className;
}
