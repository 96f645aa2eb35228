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
}
