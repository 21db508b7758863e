package org.sockd.example.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenyListFileTest {

    @TempDir
    Path dir;

    @Test
    void readsOneRangeALineWithCommentsAndBlankLines() throws Exception {
        Path file = dir.resolve("denylist.txt");
        Files.writeString(file, """
                # cloud metadata and private networks
                169.254.169.254      # the metadata service

                10.0.0.0/8
                  fd00::/8
                """);

        DenyList list = loaded(DenyListFile.read(file));

        assertThat(list.entries()).extracting(DenyList.Entry::toString).containsExactly(
                "169.254.169.254/32 (" + file + ":2)",
                "10.0.0.0/8 (" + file + ":4)",
                "fd00::/8 (" + file + ":5)");
        assertThat(list.match(InetAddress.getByName("10.9.8.7"))).map(DenyList.Entry::line).hasValue(4);
        assertThat(list.match(InetAddress.getByName("fdab::1"))).map(DenyList.Entry::line).hasValue(5);
        assertThat(list.match(InetAddress.getByName("169.254.169.253"))).isEmpty();
    }

    @Test
    void theMostSpecificRangeMatchesAndOfTwoEqualOnesTheFirst() throws Exception {
        DenyList list = loaded(DenyListFile.parse("list", List.of("10.0.0.0/8", "10.1.0.0/16", "10.1.0.0/16")));

        assertThat(list.match(InetAddress.getByName("10.1.2.3"))).map(DenyList.Entry::line).hasValue(2);
        assertThat(list.match(InetAddress.getByName("10.2.2.3"))).map(DenyList.Entry::line).hasValue(1);
    }

    @Test
    void anyOfSeveralResolvedAddressesMayBeListed() throws Exception {
        DenyList list = loaded(DenyListFile.parse("list", List.of("2001:db8::/32")));

        assertThat(list.matchAny(List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::5"))))
                .map(DenyList.Entry::line).hasValue(1);
        assertThat(list.matchAny(List.of(InetAddress.getByName("192.0.2.1")))).isEmpty();
        assertThat(list.matchAny(List.of())).isEmpty();
    }

    @Test
    void everyBadLineIsReportedWithFileAndLineAndNothingIsLoaded() {
        DenyListFile.Result result = DenyListFile.parse("/etc/denylist.txt", List.of(
                "10.0.0.0/8", "10.0.0.1/24", "# fine", "bad.example", "10.0.0.0/8 192.168.0.0/16"));

        assertThat(result).isInstanceOfSatisfying(DenyListFile.Failed.class, failed -> assertThat(failed.errors())
                .containsExactly(
                        "/etc/denylist.txt:2: 10.0.0.1/24 has bits set after the first 24; the block is 10.0.0.0/24",
                        "/etc/denylist.txt:4: \"bad.example\" is not an IPv4 or IPv6 address",
                        "/etc/denylist.txt:5: one range a line, found \"10.0.0.0/8 192.168.0.0/16\""));
    }

    @Test
    void aFileThatIsNotThereIsMissingAndADirectoryCannotBeRead() {
        assertThat(DenyListFile.read(dir.resolve("none.txt"))).isEqualTo(new DenyListFile.Missing(dir.resolve("none.txt").toString()));
        assertThat(DenyListFile.read(dir)).isInstanceOfSatisfying(DenyListFile.Failed.class,
                failed -> assertThat(failed.errors()).singleElement().asString().startsWith(dir + ": cannot be read: "));
    }

    private static DenyList loaded(DenyListFile.Result result) {
        assertThat(result).isInstanceOf(DenyListFile.Loaded.class);
        return ((DenyListFile.Loaded) result).list();
    }
}
