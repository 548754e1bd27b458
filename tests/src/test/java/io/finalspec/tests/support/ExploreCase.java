package io.finalspec.tests.support;

import java.nio.file.Path;

/** One spec + config to generate, explore and compare with TLC. */
public record ExploreCase(String name, Path spec, Path config) {
  @Override
  public String toString() {
    return name;
  }
}
