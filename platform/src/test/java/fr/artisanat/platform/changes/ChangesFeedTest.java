package fr.artisanat.platform.changes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.pagination.CursorPage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed against real PostgreSQL transactions held open by the test, so that ids, sequences and commits interleave
 * in the orders that lose changes when a feed is ordered by its sequence.
 */
@QuarkusTest
class ChangesFeedTest {

    @Inject
    DataSource dataSource;

    record Item(String id, int version) {
    }

    /** Follows {@code next} as a partner system does, keeping what it saw of this test's items, in feed order. */
    final class Poller {
        final String prefix = UUID.randomUUID() + "-";
        final int limit;
        final List<Item> seen = new ArrayList<>();
        String cursor;

        Poller(int limit) throws SQLException {
            this.limit = limit;
            drain(); // start at the end: earlier tests' items are not this one's
            seen.clear();
        }

        /** Reads pages until one comes back empty. */
        List<Item> drain() throws SQLException {
            CursorPage<Item> page;
            do {
                page = poll(cursor, limit);
                page.items().stream().filter(item -> item.id().startsWith(prefix)).forEach(seen::add);
                cursor = page.next();
            } while (!page.items().isEmpty());
            return seen;
        }

        /** Polls until it has seen {@code count} changes of this test's items (transactions of others may delay them). */
        List<Item> awaitSeen(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> drain().size() >= count);
            return seen;
        }

        Item item(String name, int version) {
            return new Item(prefix + name, version);
        }
    }

    private CursorPage<Item> poll(String cursor, int limit) throws SQLException {
        ChangesFeed feed = ChangesFeed.page(cursor, limit);
        List<ChangesFeed.Change<Item>> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select * from feed_item f where " + feed.where("f") + feed.orderAndLimit("f"))) {
            for (int i = 0; i < feed.params().size(); i++) {
                select.setObject(i + 1, feed.params().get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    changes.add(new ChangesFeed.Change<>(ChangePosition.of(rs), new Item(rs.getString("id"), rs.getInt("version"))));
                }
            }
        }
        return feed.toPage(changes);
    }

    /** A transaction of its own, open until the test commits it. */
    private Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Writes the item (version 1, then the next one), moving it to the end of the feed. */
    private static void write(Connection transaction, String id) throws SQLException {
        try (PreparedStatement upsert = transaction.prepareStatement("insert into feed_item values (?, 1, "
                + ChangesFeed.TRANSACTION + ", nextval('feed_item_change_seq')) on conflict (id) do update set "
                + "version = feed_item.version + 1, change_xid = excluded.change_xid, change_seq = excluded.change_seq")) {
            upsert.setString(1, id);
            upsert.executeUpdate();
        }
    }

    /** Gives the transaction its id now, before it writes anything. */
    private static void takeId(Connection transaction) throws SQLException {
        try (PreparedStatement id = transaction.prepareStatement("select " + ChangesFeed.TRANSACTION)) {
            id.executeQuery().close();
        }
    }

    @Test
    void aChangeCommittedWhileAnOlderTransactionIsOpenWaitsForIt() throws Exception {
        Poller poller = new Poller(100);
        try (Connection older = begin(); Connection younger = begin()) {
            write(older, poller.prefix + "batch");
            write(younger, poller.prefix + "classified");
            younger.commit();
            assertEquals(List.of(), poller.drain(), "the older transaction may still commit changes before it");
            older.commit();
        }
        assertEquals(List.of(poller.item("batch", 1), poller.item("classified", 1)), poller.awaitSeen(2));
    }

    @Test
    void aTransactionThatTookItsIdFirstComesFirstEvenWhenItsSequenceIsHigher() throws Exception {
        Poller poller = new Poller(100);
        try (Connection first = begin(); Connection second = begin()) {
            takeId(first);
            write(second, poller.prefix + "lower-sequence");
            write(first, poller.prefix + "higher-sequence");
            first.commit();
            assertEquals(List.of(poller.item("higher-sequence", 1)), poller.awaitSeen(1));
            second.commit();
        }
        assertEquals(List.of(poller.item("higher-sequence", 1), poller.item("lower-sequence", 1)), poller.awaitSeen(2),
                "a poller past the higher sequence still gets the lower one, committed after");
    }

    @Test
    void oneTransactionsChangesComeInTheOrderWrittenAndAnUpdatedItemMovesToItsLatestChange() throws Exception {
        Poller poller = new Poller(2);
        try (Connection transaction = begin()) {
            for (String id : List.of("c", "a", "b")) {
                write(transaction, poller.prefix + id);
            }
            transaction.commit();
        }
        assertEquals(List.of(poller.item("c", 1), poller.item("a", 1), poller.item("b", 1)), poller.awaitSeen(3));
        try (Connection transaction = begin()) {
            write(transaction, poller.prefix + "a");
            transaction.commit();
        }
        assertEquals(poller.item("a", 2), poller.awaitSeen(4).get(3));
        assertEquals(new CursorPage<>(List.of(), poller.cursor), poll(poller.cursor, 10),
                "an empty page still says where to poll from");
    }

    @Test
    void aPollerFollowingNextSeesTheLastWriteOfEveryItemWhateverTheInterleaving() throws Exception {
        Poller poller = new Poller(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(poller.prefix + i);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int t = 0; t < 25; t++) {
                        try (Connection transaction = begin()) {
                            // a few items, in id order so that writers never deadlock, with pauses in between
                            TreeSet<String> items = new TreeSet<>();
                            for (int n = random.nextInt(1, 4); n > 0; n--) {
                                items.add(ids.get(random.nextInt(ids.size())));
                            }
                            if (random.nextBoolean()) {
                                takeId(transaction);
                            }
                            for (String id : items) {
                                Thread.sleep(random.nextInt(3));
                                write(transaction, id);
                            }
                            Thread.sleep(random.nextInt(3));
                            transaction.commit();
                        }
                    }
                    return null;
                }));
            }
            Future<?> polling = threads.submit(() -> {
                while (writing.get()) {
                    poller.drain();
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            polling.get();
        } finally {
            threads.shutdownNow();
        }
        Map<String, Integer> last = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, version from feed_item where id like ?")) {
            select.setString(1, poller.prefix + "%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poller.drain();
            return last.entrySet().stream().allMatch(item -> poller.seen.contains(new Item(item.getKey(), item.getValue())));
        });
        Map<String, Integer> previous = new HashMap<>();
        for (Item item : poller.seen) {
            assertTrue(item.version() > previous.getOrDefault(item.id(), 0), "seen once, and never older than seen before: " + item);
            previous.put(item.id(), item.version());
        }
    }
}
