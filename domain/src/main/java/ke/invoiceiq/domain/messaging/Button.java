package ke.invoiceiq.domain.messaging;

import ke.invoiceiq.domain.shared.Text;

/** A reply button: WhatsApp allows titles of at most 20 characters and ids of at most 256. */
public record Button(String id, String title) {

    public static final int MAX_TITLE = 20;
    public static final int MAX_ID = 256;

    public Button {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("button id must be 1–256 characters");
        }
        if (title == null || title.isBlank() || Text.length(title) > MAX_TITLE) {
            throw new IllegalArgumentException("button title must be 1–20 characters: " + title);
        }
    }
}
