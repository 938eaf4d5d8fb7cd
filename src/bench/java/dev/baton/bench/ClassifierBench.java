package dev.baton.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureClassifier;
import dev.baton.sync.domain.FailureKind;

/**
 * The cost of classifying a failure with the built-in rules: a short insurer message that matches early
 * ("系统繁忙"), and a long one (900 characters) that only the last message rule matches, so every rule scans it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassifierBench {

    @Param({"SHORT", "LONG"})
    String message;

    private Failure failure;

    @Setup
    public void setUp() {
        String text = message.equals("SHORT") ? "系统繁忙，请稍后重试"
                : "投保单号P20261123000123的处理结果说明：".repeat(40).substring(0, 880) + "证件号码格式错误";
        failure = new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E9", text, null);
    }

    @Benchmark
    public Classification classify() {
        return FailureClassifier.classify(failure, List.of());
    }
}
