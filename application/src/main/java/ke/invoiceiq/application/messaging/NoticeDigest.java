package ke.invoiceiq.application.messaging;

import java.util.ArrayList;
import java.util.List;
import ke.invoiceiq.domain.copy.DeliveryPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.SmsText;

/**
 * Several merchant notices as one message: a count, then one line per notice, oldest first (the notice's digest
 * line, else its whole text on one line). A digest carries as many notices as fit the form it goes in now: free-form
 * WhatsApp within 4096 characters, the merchant template's one variable within
 * {@link ChatMessage.NoticeTemplate#MAX_NOTICE}, an SMS within {@value #SMS_SEGMENTS} GSM-7 segments. Notices that
 * do not fit wait for the next digest. A WhatsApp digest holds several SMS worth of lines, because one staff number
 * may get only one WhatsApp message per pair interval: when such a digest later falls back to SMS, it goes as
 * several SMS ({@link #smsParts}), split between lines.
 */
final class NoticeDigest {

    /** At most this many notices in one digest, so that one message stays readable. */
    static final int MAX_NOTICES = 50;
    static final int MAX_CHAT_TEXT = 4096;
    /** Beyond six segments, some phones no longer join a long SMS. */
    static final int SMS_SEGMENTS = 6;

    /** How the digest goes now, which decides how much it may carry. */
    enum Form {
        CHAT, TEMPLATE, SMS
    }

    /** The notices a digest carries and the ones left for the next. */
    record Split(List<OutboxMessage> carried, List<OutboxMessage> left) {
    }

    private NoticeDigest() {
    }

    /** The longest run of {@code notices}, in order, whose digest fits every form. */
    static Split split(List<OutboxMessage> notices, Form form) {
        return split(notices, form, Language.EN);
    }

    /** {@link #split(List, Form)} for a digest headed in the merchant's {@code language}. */
    static Split split(List<OutboxMessage> notices, Form form, Language language) {
        List<OutboxMessage> carried = new ArrayList<>();
        int i = 0;
        for (; i < notices.size() && carried.size() < MAX_NOTICES; i++) {
            carried.add(notices.get(i));
            if (carried.size() > 1 && !fits(content(carried, language), form)) {
                carried.removeLast();
                break;
            }
        }
        return new Split(List.copyOf(carried), List.copyOf(notices.subList(carried.size(), notices.size())));
    }

    /** The digest of {@code notices}, in every form; the SMS form allows the fallback as for any notice. */
    static OutboundContent content(List<OutboxMessage> notices) {
        return content(notices, Language.EN);
    }

    /** {@link #content(List)} with its header in the merchant's {@code language}. */
    static OutboundContent content(List<OutboxMessage> notices, Language language) {
        String header = notices.size() == 1 ? DeliveryPhrases.ONE_UPDATE.text(language)
                : DeliveryPhrases.UPDATES.in(language).with("n", notices.size()).text();
        StringBuilder chat = new StringBuilder(header);
        StringBuilder sms = new StringBuilder(header);
        for (OutboxMessage notice : notices) {
            OutboundContent content = notice.content();
            chat.append("\n- ").append(content.digestLine().orElseGet(() -> oneLine(content.text())));
            sms.append("\n- ").append(SmsText.plain(content.digestLine()
                    .orElseGet(() -> oneLine(content.smsText().orElse(content.text())))));
        }
        return OutboundContent.text(chat.toString()).withSms(sms.toString());
    }

    /**
     * The text on one line, for a template variable or a digest: each line ends with a full stop unless it ends
     * with punctuation already, and every run of white space is one space (Meta refuses a variable with a line
     * break, a tab or more than four spaces in a row).
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.strip().split("\\R")) {
            String words = line.strip().replaceAll("\\s+", " ");
            if (words.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                char last = out.charAt(out.length() - 1);
                out.append(".!?:;,".indexOf(last) >= 0 ? " " : ". ");
            }
            out.append(words);
        }
        return out.toString();
    }

    /** {@link #oneLine} cut at a word to the template variable's limit. */
    static String templateVariable(String text) {
        String line = oneLine(text);
        if (line.codePointCount(0, line.length()) <= ChatMessage.NoticeTemplate.MAX_NOTICE) {
            return line;
        }
        return SmsText.shorten(line,
                cut -> cut.codePointCount(0, cut.length()) <= ChatMessage.NoticeTemplate.MAX_NOTICE);
    }

    /**
     * An SMS text in parts of at most {@value #SMS_SEGMENTS} segments each, split between lines and each headed
     * "n updates (k of m):"; the text itself when it fits one. A line longer than a part goes alone in its part.
     */
    static List<String> smsParts(String sms) {
        return smsParts(sms, Language.EN);
    }

    /** {@link #smsParts(String)} with each part's header in the merchant's {@code language}. */
    static List<String> smsParts(String sms, Language language) {
        if (SmsText.segments(sms) <= SMS_SEGMENTS) {
            return List.of(sms);
        }
        List<String> lines = sms.lines().skip(1).toList();
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String line : lines) {
            part.add(line);
            // the widest header a part can get, so that every rendered part fits
            if (part.size() > 1 && SmsText.segments(render(part, 999, 999, language)) > SMS_SEGMENTS) {
                part.removeLast();
                parts.add(part);
                part = new ArrayList<>(List.of(line));
            }
        }
        parts.add(part);
        List<String> rendered = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            rendered.add(render(parts.get(k), k + 1, parts.size(), language));
        }
        return List.copyOf(rendered);
    }

    private static String render(List<String> lines, int part, int of, Language language) {
        String header = lines.size() == 1
                ? DeliveryPhrases.PART_ONE_UPDATE.in(language).with("part", part).with("of", of).text()
                : DeliveryPhrases.PART_UPDATES.in(language).with("n", lines.size()).with("part", part).with("of", of)
                        .text();
        return header + "\n" + String.join("\n", lines);
    }

    private static boolean fits(OutboundContent digest, Form form) {
        return switch (form) {
            case CHAT -> digest.text().codePointCount(0, digest.text().length()) <= MAX_CHAT_TEXT;
            case TEMPLATE -> {
                String variable = oneLine(digest.text());
                yield variable.codePointCount(0, variable.length()) <= ChatMessage.NoticeTemplate.MAX_NOTICE;
            }
            case SMS -> SmsText.segments(SmsText.plain(digest.smsText().orElseThrow())) <= SMS_SEGMENTS;
        };
    }
}
