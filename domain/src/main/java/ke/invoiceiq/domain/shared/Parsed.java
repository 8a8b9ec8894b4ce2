package ke.invoiceiq.domain.shared;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of reading user input into a value: either the value, or a {@link FieldError} that says what
 * to fix. Parsing never throws for bad input; constructors throw only for programming errors.
 */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(FieldError error) implements Parsed<T> {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> rejected(Field field, String message) {
        return new Rejected<>(new FieldError(field, message));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Rejected<T> r -> new Rejected<>(r.error());
        };
    }

    /** The value; for callers that already checked {@link #isOk()} or hold input known to be valid. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Rejected<T> r -> throw new IllegalArgumentException(r.error().message());
        };
    }
}
