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

    /**
     * The command line for these arguments. picocli reads every subcommand's annotations when it
     * is registered, a large part of a short run's start-up, so a run that names its command
     * registers only that one; any other (no command, {@code help}, a misspelling) gets them all,
     * for the usage text and suggestions.
     */
    public static CommandLine forArguments(String... args) {
        CommandLine cli = new CommandLine(new CxltraceCommand());
        String first = args.length > 0 ? args[0] : "";
        Object only = switch (first) {
            case "check" -> new CheckCommand();
            case "run" -> new RunCommand();
            case "doc" -> new DocCommand();
            case "lsp" -> new LspCommand();
            default -> null;
        };
        if (only != null) {
            cli.addSubcommand(only);
        } else {
            cli.addSubcommand(new CheckCommand());
            cli.addSubcommand(new RunCommand());
            cli.addSubcommand(new DocCommand());
            cli.addSubcommand(new LspCommand());
            cli.addSubcommand(new HelpCommand());
        }
        return cli;
    }

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
