package io.finalspec.codegen;

/**
 * Options of {@link Compiler#compile}: the Java package of the generated machine and its class name
 * ({@code null}: derived from the module and config names, e.g. {@code Mutex.tla} +
 * {@code MutexRacy.cfg} gives {@code MutexRacyMachine}).
 */
public record CompileOptions(String packageName, String className) {
  public CompileOptions {
    if (packageName == null) {
      throw new IllegalArgumentException("packageName == null");
    }
  }

  public static CompileOptions inPackage(String packageName) {
    return new CompileOptions(packageName, null);
  }
}
