/**
 * The attribute algebra of REGISTERS.md §2.1 and what a write reports: changed bits, dropped bits
 * with their reason, and where the passthrough departs from the specification.
 *
 * <p>Invariant: no register name appears in the write path; behaviour comes from attributes.
 * Tests: {@code AttributeTest} (one row per attribute), {@code DevicePropertiesTest} (changed and
 * dropped masks are disjoint and inside the widened byte enables).
 */
package dev.cxltrace.device.semantics;
