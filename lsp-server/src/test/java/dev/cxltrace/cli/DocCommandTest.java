package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import org.junit.jupiter.api.Test;

/**
 * {@code cxltrace doc}: each entry is read from the catalog, so the expectations here come from
 * the catalog too, never from a second copy of its text.
 */
class DocCommandTest {

    @Test
    void aRegisterEntryShowsWhereItIsItsDescriptionAndEveryField() {
        RegisterDef ctrl = RegisterCatalog.get().byPath("hdm.decoder0.ctrl").orElseThrow();
        CliRun r = CliRun.of("doc", "hdm.decoder0.ctrl");
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).startsWith("### hdm.decoder0.ctrl\n\n`comp` 0x1030, 32 bits, " + ctrl.section() + "\n\n"
                + ctrl.description() + "\n\n");
        assertThat(r.out()).contains("- Firmware value (profile type2): `0x0000_0600`\n")
                .contains("COMMIT/COMMITTED state machine");
        for (FieldDef f : ctrl.fields()) {
            assertThat(r.out()).contains("| " + f.bits() + " | `" + f.name() + "` | " + f.spec().label() + " | "
                    + ctrl.execAttribute(f).label() + " | ");
        }
        assertThat(r.out()).contains("- **RO**: read-only; writes are ignored\n");
    }

    @Test
    void aFieldEntryShowsItsBitsAttributesAndFirmwareValue() {
        RegisterDef lock = RegisterCatalog.get().byPath("dvsec.lock").orElseThrow();
        FieldDef configLock = lock.field("CONFIG_LOCK").orElseThrow();
        CliRun r = CliRun.of("doc", "dvsec.lock.CONFIG_LOCK");
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).isEqualTo("### dvsec.lock.CONFIG_LOCK\n\n"
                + "Bit 0 of `dvsec.lock` (`cfg` 0x114, 16 bits, " + lock.section() + ")\n\n"
                + configLock.description() + "\n\n"
                + "- Spec: **RWO**: " + configLock.spec().meaning() + "\n"
                + "- Exec: **RWO**: " + lock.execAttribute(configLock).meaning() + "\n"
                + "- Firmware value (profile type2): `0`\n");
    }

    @Test
    void aLockedFieldNamesItsLock() {
        CliRun r = CliRun.of("doc", "DVSEC.CONTROL.mem_enable");
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).startsWith("### dvsec.control.MEM_ENABLE\n")
                .contains("- Lock: CONFIG_LOCK closes when DVSEC CONFIG_LOCK is 1\n");
    }

    @Test
    void anUnknownNameExits2WithTheNearestName() {
        CliRun r = CliRun.of("doc", "dvsec.lok");
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).isEqualTo("cxltrace: no register or field named dvsec.lok; did you mean dvsec.lock?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theReferenceHasAnEntryForEveryRegister() {
        CliRun r = CliRun.of("doc");
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).startsWith("# Register reference\n");
        for (RegisterDef reg : RegisterCatalog.get().registers()) {
            assertThat(r.out()).contains("\n### " + reg.path() + "\n");
        }
    }
}
