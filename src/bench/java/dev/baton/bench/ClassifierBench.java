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
import dev.baton.sync.domain.FailureModel;

/**
 * The cost of classifying a failure: a short insurer message that matches early ("系统繁忙"), a long one (900
 * characters) that only the last message rule matches, so every rule scans it, and failures no rule matches, short
 * ("高风险职业暂不受理") and long (900 characters), which every rule scans and then the model featurises and scores,
 * and a 2 000-character HTML error page answered with HTTP 500: no content rule matches, the model reads the whole
 * page, and only then does the status-only rule decide (the longest path since the status rules follow the model).
 * The shipped model is read in {@code setUp}, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassifierBench {

    @Param({"SHORT", "LONG", "MODEL_SHORT", "MODEL_LONG", "GATEWAY_PAGE"})
    String message;

    private Failure failure;

    @Setup
    public void setUp() {
        String text = switch (message) {
            case "SHORT" -> "系统繁忙，请稍后重试";
            case "LONG" -> "投保单号P20261123000123的处理结果说明：".repeat(40).substring(0, 880) + "证件号码格式错误";
            case "MODEL_SHORT" -> "高风险职业暂不受理";
            case "GATEWAY_PAGE" -> ("<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 "
                    + "Internal Server Error</h1></center><hr><center>openresty</center>"
                    + "<!-- a padding to disable MSIE and Chrome friendly error page -->\n").repeat(10)
                    .substring(0, 2000);
            default -> "投保单号P20261123000123的处理结果说明：".repeat(40).substring(0, 880) + "累计保额超过上限";
        };
        failure = message.equals("GATEWAY_PAGE") ? new Failure(FailureKind.HTTP_STATUS, 500, null, text, null)
                : new Failure(FailureKind.DOWNSTREAM_CODE, 200, "E9", text, null);
        FailureModel.shipped(); // reads the shipped weights once, outside the measurement
    }

    @Benchmark
    public Classification classify() {
        return FailureClassifier.classify(failure, List.of());
    }
}
