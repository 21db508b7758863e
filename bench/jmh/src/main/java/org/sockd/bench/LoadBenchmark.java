package org.sockd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.FrozenWriter;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/** Time to load the largest file: the text parsed, or its frozen form read back. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    @Param({"100000"})
    int rules;

    private ConfParser parser;
    private Path text;
    private Path frozen;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("sockd-bench");
        text = RuleFiles.write(dir, rules);
        parser = new ConfParser(Services.system(), message -> { });
        LoadResult<RuleSet> parsed = parser.parseFile(text);
        if (!(parsed instanceof LoadResult.Valid<RuleSet> ok)) {
            throw new IllegalStateException("the generated file does not parse: " + parsed);
        }
        frozen = dir.resolve("frozen-" + rules + ".fc");
        Files.write(frozen, FrozenWriter.write(ok.content()));
    }

    @Benchmark
    public LoadResult<RuleSet> text() {
        return parser.parseFile(text);
    }

    @Benchmark
    public LoadResult<RuleSet> frozen() {
        return parser.load(frozen);
    }
}
