package dev.cxltrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code cxltrace}: the top of the command line; each subcommand is one small class. */
@Command(name = "cxltrace", mixinStandardHelpOptions = true, versionProvider = CxltraceCommand.Version.class,
        scope = ScopeType.INHERIT,
        description = "Checks and runs register-access traces against a simulated CXL Type-2 device behind vfio-pci.",
        subcommands = {CheckCommand.class, RunCommand.class, DocCommand.class, LspCommand.class, HelpCommand.class},
        exitCodeOnInvalidInput = ExitStatus.UNUSABLE,
        exitCodeOnExecutionException = ExitStatus.INTERNAL_ERROR,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success; for check and run: no trace has an error",
            "1:a trace failed: it has an error (check --werror: or a warning)",
            "2:a usage error, or a path or trace file that cannot be read (wins over 1)",
            "3:an internal error of cxltrace (a bug; the stack trace is printed)"})
public final class CxltraceCommand implements Callable<Integer> {

    static {
        // Reports are UTF-8 whatever the locale: the JUnit XML declares it, and JSON and SARIF
        // are UTF-8 by definition. picocli builds its writers with this charset; a launcher that
        // sets it (a Windows console) keeps its own.
        if (System.getProperty("sun.stdout.encoding") == null) {
            System.setProperty("sun.stdout.encoding", "UTF-8");
        }
        if (System.getProperty("sun.stderr.encoding") == null) {
            System.setProperty("sun.stderr.encoding", "UTF-8");
        }
        // No option takes a java.sql or java.time value; registering their converters would load
        // and initialise those packages (DriverManager scans for JDBC drivers) on every start.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        Warmup.start();
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: check, run, doc or lsp (cxltrace help)");
    }

    /** The version the jar's manifest carries; a build from the IDE has none. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CxltraceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cxltrace " + (v == null ? "(development build)" : v)};
        }
    }
}
