package ke.invoiceiq.domain.command;

/** Reads one line of text into a {@link Command}. Pure; never throws for bad input. */
public final class CommandParser {
    private CommandParser() {
    }

    public static Command parse(String text) {
        throw new UnsupportedOperationException("being written");
    }
}
