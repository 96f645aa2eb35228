package dev.ember.social.internal.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.social.KeywordFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hashtag timelines a Mastodon source streams for the tracked keywords. */
class HashtagStreamsTest {

    @Test
    void streamsOneHashtagPerWordOrHashtagKeyword() {
        assertEquals(
                List.of("messi", "ronaldo", "fútbol"),
                MastodonSource.hashtagStreams(
                        KeywordFilter.of("Messi", "#ronaldo", "fútbol", "#MESSI")));
    }

    @Test
    void streamsThePublicTimelineWhenAKeywordIsNoHashtag() {
        assertEquals(
                List.of(), MastodonSource.hashtagStreams(KeywordFilter.of("messi", "inter miami")));
        assertEquals(List.of(), MastodonSource.hashtagStreams(KeywordFilter.of("c++")));
        assertEquals(List.of(), MastodonSource.hashtagStreams(KeywordFilter.of("2024")));
        assertEquals(List.of(), MastodonSource.hashtagStreams(KeywordFilter.none()));
    }

    @Test
    void streamsThePublicTimelineForMoreThanEightHashtags() {
        assertEquals(
                List.of(),
                MastodonSource.hashtagStreams(
                        KeywordFilter.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9")));
    }

    @Test
    void takesTheHttpBaseOfAStreamingUrl() {
        assertEquals(
                "https://streaming.example.social",
                MastodonSource.httpBase("wss://streaming.example.social").toString());
        assertEquals(
                "http://127.0.0.1:8080",
                MastodonSource.httpBase("ws://127.0.0.1:8080/api/v1/streaming").toString());
        assertEquals(null, MastodonSource.httpBase("ftp://x"));
        assertEquals(null, MastodonSource.httpBase(""));
    }
}
