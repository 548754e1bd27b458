/**
 * The live runtime: real threads perform spec actions atomically; the recorded run is a
 * behaviour of the spec by construction, and invariant violations are reported as they happen.
 */
package io.finalspec.runtime.live;
