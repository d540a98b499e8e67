/**
 * The register catalog: every register and field of REGISTERS.md, declared once, as data.
 *
 * <p>Invariant: nothing else in the project describes a register; masks are derived from the
 * fields, never typed. The catalog checks itself when built (fields fit and do not overlap, paths
 * and bytes are unique). Tests: {@code RegisterCatalogTest} states the specification's literals.
 */
package dev.cxltrace.device.catalog;
