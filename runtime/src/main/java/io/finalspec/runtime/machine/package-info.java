/**
 * The machine API generated code implements ({@link io.finalspec.runtime.machine.Machine},
 * {@link io.finalspec.runtime.machine.State}, {@link io.finalspec.runtime.machine.ActionLabel})
 * and helpers for state classes and models.
 */
package io.finalspec.runtime.machine;
