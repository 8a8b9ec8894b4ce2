package ke.invoiceiq.application.chat;

/**
 * What one run did: sessions looked at, nudged ("Still there?"), closed, and skipped because the merchant
 * (or another instance) changed them meanwhile; the rest needed nothing yet.
 */
public record ExpireChatSessionsReport(int examined, int nudged, int closed, int skipped) {
}
