/**
 * Device profiles: the built-in {@code type2}, parameters with their accepted values, and JSON
 * profile files (read with Gson, the only place Gson is used in the device).
 *
 * <p>Invariant: a refused value yields a message naming the parameter and what it accepts; no
 * user input throws. Test: {@code ProfileTest}.
 */
package dev.cxltrace.device.profile;
