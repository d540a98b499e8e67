package dev.cxltrace.lang.diag;

/**
 * Every diagnostic code: the device's drop reasons of REGISTERS.md §2.4 and the language's
 * errors. Codes are public API (SARIF rule ids, JUnit XML, GitHub annotations, editors' quick
 * fixes): add new ones, never rename. docs/DIAGNOSTICS.md documents each in one line.
 */
public enum DiagnosticCode {
    E_SYNTAX("E-SYNTAX", Severity.ERROR, "the line is not a statement of the language; the message says what was expected where"),
    E_NUMBER("E-NUMBER", Severity.ERROR, "an integer literal is malformed, larger than 64 bits, or wider than the access or target it goes to"),
    E_NAME("E-NAME", Severity.ERROR, "an unknown register, field, target, space or errno name; the message suggests the nearest known name"),
    E_SPACE("E-SPACE", Severity.ERROR, "a register name used in a space it does not belong to; the message names the right space"),
    E_FIELD("E-FIELD", Severity.ERROR, "a field composition names a field the access does not cover, or covers only in part"),
    E_EXPECT("E-EXPECT", Severity.ERROR, "a read returned, or an expect found, another value than the line requires; the message shows the model's value and the fields that differ"),
    E_ERRNO("E-ERRNO", Severity.ERROR, "an access failed when the line did not say so, failed with another errno, or succeeded when the line says it fails"),
    E_CREATE("E-CREATE", Severity.ERROR, "creating the device failed (or did not fail) other than the device line says"),
    E_PROFILE("E-PROFILE", Severity.ERROR, "a device parameter or profile file was refused; nothing in the trace runs"),
    E_DEVICE("E-DEVICE", Severity.ERROR, "a device line after an access or expect, or a second device line"),
    E_NO_DEVICE("E-NO-DEVICE", Severity.ERROR, "a statement after a failed device creation, where only expect create may follow"),
    W_RO("W-RO", Severity.WARNING, "a write tried to change read-only or hardware-initialised bits; they kept their value"),
    W_RSVD("W-RSVD", Severity.WARNING, "a write changed RsvdP bits or wrote non-zero RsvdZ bits; they kept their value"),
    W_LOCKED("W-LOCKED", Severity.WARNING, "a write to a lock-gated (RWL) field while its lock is set was dropped; the message names the lock and who set it"),
    W_RWO("W-RWO", Severity.WARNING, "a write tried to clear a write-once bit that has latched"),
    W_FSM("W-FSM", Severity.WARNING, "a committed HDM decoder honours only COMMIT in its control register; the other bits written were dropped"),
    W_SPAN("W-SPAN", Severity.WARNING, "a DVSEC body write reached past the register holding its first byte; the passthrough dropped those bytes"),
    W_UNMODELLED("W-UNMODELLED", Severity.WARNING, "non-zero data written where the model implements nothing (reserved config bytes, the component block outside its capabilities)"),
    I_SPEC("I-SPEC", Severity.INFORMATION, "the passthrough's shadow changed bits that the CXL or PCIe specification would have kept");

    private final String code;
    private final Severity severity;
    private final String help;

    DiagnosticCode(String code, Severity severity, String help) {
        this.code = code;
        this.severity = severity;
        this.help = help;
    }

    /** The stable spelling: {@code W-LOCKED}. */
    public String code() {
        return code;
    }

    /** The anchor of its line in docs/DIAGNOSTICS.md: the code in lower case, {@code w-locked}. */
    public String anchor() {
        return code.toLowerCase(java.util.Locale.ROOT);
    }

    public Severity severity() {
        return severity;
    }

    /** The one-line documentation, as in docs/DIAGNOSTICS.md and SARIF rules. */
    public String help() {
        return help;
    }

    public static DiagnosticCode byCode(String code) {
        for (DiagnosticCode c : values()) {
            if (c.code.equalsIgnoreCase(code)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
