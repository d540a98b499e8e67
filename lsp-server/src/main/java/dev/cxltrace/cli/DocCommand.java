package dev.cxltrace.cli;

import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.lang.ide.RegisterDoc;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxltrace doc [NAME]}: the catalog's entry for a register or a field, as the hover shows it. */
@Command(name = "doc",
        description = {"Prints the catalog entry of a register or a field as Markdown, as the editor's hover shows it.",
            "Without NAME, prints the whole register reference (docs/REGISTERS.md is this output)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "2:no register or field has that name"})
final class DocCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME",
            description = "A register (hdm.decoder0.ctrl) or a field (dvsec.lock.CONFIG_LOCK), case-insensitive.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Warmup.await();
        DeviceProfile profile = DeviceProfile.type2();
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.print(RegisterDoc.reference(profile));
            out.flush();
            return ExitStatus.PASS;
        }
        Optional<RegisterDoc.Entry> entry = RegisterDoc.find(name, profile);
        if (entry.isEmpty()) {
            String closest = RegisterDoc.closest(name, profile);
            PrintWriter err = spec.commandLine().getErr();
            err.println("cxltrace: no register or field named " + name
                    + (closest == null ? "; cxltrace doc lists them all" : "; did you mean " + closest + "?"));
            err.flush();
            return ExitStatus.UNUSABLE;
        }
        out.print(RegisterDoc.markdown(entry.get(), profile));
        out.flush();
        return ExitStatus.PASS;
    }
}
