package dev.cxltrace.device.catalog;

/**
 * The few registers whose writes are more than their attributes (REGISTERS.md §2, §5). Each
 * constant names the state machine in {@code dev.cxltrace.device.fsm} that handles it.
 */
public enum Behaviour {
    /** The attribute algebra alone. */
    ATTRIBUTES,
    /** Decoder control: FSM-DEC on a CXL-bound device (§5.2), FSM-H on a plain one (§5.3). */
    DECODER_CONTROL,
    /** A BAR: the all-ones sizing write is silent (§3.2). */
    BAR_SIZING
}
