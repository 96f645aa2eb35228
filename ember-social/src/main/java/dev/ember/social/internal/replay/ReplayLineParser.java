package dev.ember.social.internal.replay;

import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import dev.ember.social.internal.PostJson;
import dev.ember.social.internal.jetstream.JetstreamParser;
import dev.ember.social.internal.mastodon.MastodonStatusParser;
import dev.ember.social.internal.x.XPostParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/*
 * One line of a replay file, whatever its shape, detected line by line (so a file may mix them):
 *
 *   Ember      id, text and source                    time: receivedAt, else createdAt
 *   Jetstream  kind and did (or time_us)               time: time_us
 *   X          a data object, or errors only           time: data.created_at
 *   Mastodon   a WebSocket message (event, stream,     time: created_at
 *              payload) or a Status (content, account)
 *
 * Each shape is read by its source's own parser, so a replayed capture gives exactly the posts the
 * live source gave, with the live source's name. What those parsers ignore (deletes, account
 * events, errors lines) is ignored here too; blank lines (X's keep-alives) are skipped before.
 */
final class ReplayLineParser {
    private ReplayLineParser() {}

    static Parsed parse(String line) {
        JsonNode node;
        try {
            node = JsonFields.MAPPER.readTree(line);
        } catch (JacksonException e) {
            return Parsed.malformed("not JSON");
        }
        if (node == null || !node.isObject()) {
            return Parsed.malformed("not a JSON object");
        }
        if (PostJson.looksLikePost(node)) {
            return PostJson.parse(node);
        }
        if (JetstreamParser.looksLikeEvent(node)) {
            return JetstreamParser.parse(node);
        }
        if (XPostParser.looksLikeStreamLine(node)) {
            return XPostParser.parse(node).parsed();
        }
        if (MastodonStatusParser.looksLikeWebSocketMessage(node)) {
            return MastodonStatusParser.parseWebSocketMessage(node);
        }
        if (MastodonStatusParser.looksLikeStatus(node)) {
            return MastodonStatusParser.parse(node);
        }
        return Parsed.malformed("not a post of a known shape (Ember, Jetstream, X or Mastodon)");
    }
}
