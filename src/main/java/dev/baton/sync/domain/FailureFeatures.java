package dev.baton.sync.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The features the {@link FailureModel} sees of a failure: its kind, HTTP status and status class, its code and
 * the code's shape, the kind of body (SOAP fault, HTML page, JSON, Java exception, text) alone and with the status
 * class, the character 1- to 3-grams of its message (Chinese needs no word segmentation for this), its Latin
 * words and the concepts it names ({@code x:notfound} for "不存在" as for "not found").
 * Customer data never becomes a feature, because no digit does: full-width characters are folded to ASCII, every
 * run of six or more digits (ID, card, mobile, policy numbers) and every token of six or more characters mixing
 * letters and digits (VINs, trace ids, IDs ending in X) becomes {@code #}, every other digit becomes {@code 0}
 * ("18周岁" and "60周岁" are one feature, and a grouped {@code 138-1234-5678} is {@code 000-0000-0000}), and
 * e-mail addresses become {@code @}. Names and other words are not masked here; {@link FailureModel} keeps only
 * n-grams and words seen in several corpus cases, so they never reach a model or an explanation. A few linear
 * passes over the text (n-grams, words, the body's first 400 characters) and one substring search per concept
 * word, no regular expressions but the e-mail one: this runs on every failure no rule matched.
 */
public final class FailureFeatures {

    /** Prefix of message n-gram features, e.g. {@code m:拒保}. */
    public static final String MESSAGE = "m:";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Prefix of message word features, e.g. {@code w:declined}. */
    public static final String WORD = "w:";

    /** Prefix of concept features, e.g. {@code x:notfound} for "不存在" or "not found". */
    public static final String CONCEPT = "x:";

    /** Prefix of body shape features, e.g. {@code b:soap} and {@code b:soap:5xx}. */
    public static final String BODY = "b:";

    private static final int MAX_GRAM = 3;
    private static final int SHAPE_HEAD = 400;

    private FailureFeatures() {
    }

    /** The distinct features of {@code failure}, masked; never null. */
    public static Set<String> of(Failure failure) {
        Set<String> features = new HashSet<>(framing(failure));
        String text = gramText(failure);
        if (text != null) {
            forEachGram(text, (from, to) -> features.add(MESSAGE + text.substring(from, to)));
            forEachWord(text, features::add);
            forEachConcept(text, features::add);
        }
        return features;
    }

    /** The features of {@code failure} that are not message n-grams: kind, status, code, a missing message. */
    static List<String> framing(Failure failure) {
        List<String> features = new ArrayList<>(6);
        features.add("k:" + failure.kind());
        if (failure.httpStatus() != null) {
            features.add("s:" + failure.httpStatus());
            features.add("s:" + failure.httpStatus() / 100 + "xx");
        }
        if (failure.code() == null) {
            features.add("c:none");
        } else {
            String code = mask(failure.code());
            features.add("c:" + code);
            features.add("cs:" + shape(code));
        }
        if (failure.message() == null || failure.message().isBlank()) { // as gramText, without masking twice
            features.add("m:none");
        } else { // what kind of body, alone and with the status class: a JSON body on a 500 is not a bare 500
            String body = bodyShape(failure.message());
            features.add(BODY + body);
            features.add(BODY + body + ":" + (failure.httpStatus() == null ? "none" : failure.httpStatus() / 100 + "xx"));
        }
        return features;
    }

    /** The masked message between {@code ^} and {@code $}, whose n-grams are features; null without a message. */
    static String gramText(Failure failure) {
        return failure.message() == null || failure.message().isBlank() ? null : "^" + mask(failure.message()) + "$";
    }

    /** Receives one n-gram as a range of the text. */
    interface GramSink {
        void accept(int from, int to);
    }

    /** Every 1- to 3-gram of {@code text} that is not blank and does not end inside a surrogate pair. */
    static void forEachGram(String text, GramSink sink) {
        for (int i = 0; i < text.length(); i++) {
            boolean blank = true;
            for (int n = 1; n <= MAX_GRAM && i + n <= text.length(); n++) {
                char last = text.charAt(i + n - 1);
                blank &= last == ' ';
                if (!blank && !Character.isSurrogate(last)) {
                    sink.accept(i, i + n);
                }
            }
        }
    }

    /**
     * Concepts: a few words that say the same thing in Chinese and English and in several phrasings, each group one
     * feature {@code x:<name>} when the message contains any of them. An n-gram model learns "不存在" and "not found"
     * separately and only from the cases that use those very words; a concept lets what it learnt from some
     * phrasings weigh for the others ("Suspected fraud" shares {@code x:risk} with "风控拦截" and "AML screening
     * hit"). Chosen by 5-fold cross-validation on the training split (docs/classification.md#the-model).
     */
    private static final String[][] CONCEPTS = {
        {"notfound", "不存在", "未找到", "找不到", "查无", "查询不到", "无此", "not found", "does not exist",
            "doesn't exist", "no such", "unknown ", "not recognised", "not recognized", "unrecognised",
            "unrecognized"},
        {"unsupported", "不支持", "not supported", "unsupported", "not available", "not permitted", "not allowed",
            "不允许", "不可选", "不适用", "not applicable"},
        {"age", "年龄", "周岁", "岁", " age", "aged", "years old", "under 00", "over 00", "minor"},
        {"expired", "过期", "失效", "expired", "expiry", "no longer valid", "已超时"},
        {"exists", "重复", "已存在", "already", "duplicate", "已生成", "已承保", "已出单"},
        {"parse", "解析", "parse", "deserializ", "unmarshal", "报文", "json", "xml"},
        {"risk", "风险", "风控", "fraud", "aml", "洗钱", "黑名单", "blacklist", "black list", "sanction",
            "suspicious", "suspected", "watchlist", "pep", "risk"},
        {"refuse", "不予", "拒", "refus", "declin", "reject", "not accept", "不接受", "unable to offer",
            "cannot offer", "不能承保", "无法承保", "不承保", "不能出单", "not able to offer", "cannot insure",
            "unable to insure", "not insurable", "uninsurable"},
        {"criteria", "criteria", "条件", "eligib", "acceptance", "appetite", "要求", "requirement", "规则",
            "guideline"},
        {"payment", "卡", "card", "issuer", "支付", "payment", "余额", "balance", "冻结", "frozen", "扣款", "debit",
            "账户", "账号", "account", "funds", "transaction", "交易"},
        {"setup", "签约", "配置", "开通", "授权", "distributor", "broker", "agency", "channel", "渠道", "网点", "机构",
            "merchant", "商户", "not enabled", "not configured", "未启用", "柜员", "partner", "whitelist", "白名单"},
        {"busy", "繁忙", "busy", "稍后", "later", "超时", "timeout", "timed out", "unavailable", "不可用", "维护",
            "maintenance", "inoperative", "无响应", "no response", "not respond"},
        {"system", "系统", "system", "internal", "异常", "exception", "error", "错误", "failed", "失败", "failure"},
        {"health", "健康", "告知", "health", "medical", "disclosure", "体检", "既往", "疾病", "病", "condition"},
        {"limit", "超限", "超过", "上限", "最高", "最大", "最低", "exceed", "limit", "maximum", "minimum", "max ",
            "min "},
        {"field", "字段", "参数", "field", "parameter", "param", "不能为空", "required", "missing", "必填", "格式",
            "format", "invalid", "无效", "有误", "不正确", "incorrect", "wrong", "must"},
        {"date", "日期", "起期", "止期", "date", "起保", "生效", "effective", "inception"},
        {"pending", "待确认", "待核实", "待定", "未知", "不明", "处理中", "受理中", "pending", "in progress",
            "being processed", "confirm", "unknown"},
    };

    /**
     * Every concept ({@link #CONCEPTS}) one of whose words the text (masked, so lower case) contains, once, as
     * {@code x:<name>}.
     */
    static void forEachConcept(String text, Consumer<String> sink) {
        for (String[] concept : CONCEPTS) {
            for (int i = 1; i < concept.length; i++) {
                if (text.contains(concept[i])) {
                    sink.accept(CONCEPT + concept[0]);
                    break;
                }
            }
        }
    }

    /**
     * Every Latin word of two or more letters in {@code text} (masked, so lower case) as {@code w:word}: English
     * says "declined", "refused", "claims" in words, which 3-grams cut apart.
     */
    static void forEachWord(String text, Consumer<String> sink) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isAsciiLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && isAsciiLetter(text.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                sink.accept(WORD + text.substring(start, i));
            }
        }
    }

    /**
     * What kind of body a message is, from its first {@value #SHAPE_HEAD} characters: {@code soap} (a SOAP fault),
     * {@code html} (a gateway or error page), {@code json} (a whole JSON body the pointers missed),
     * {@code exception} (a Java exception), else {@code zh} (Chinese text) or {@code text}.
     */
    static String bodyShape(String message) {
        int n = Math.min(message.length(), SHAPE_HEAD);
        String head = message.substring(0, n).toLowerCase(Locale.ROOT);
        if (head.contains("faultcode") || head.contains("soap:") || head.contains("soapenv:")) {
            return "soap";
        }
        if (head.contains("<html") || head.contains("<!doctype") || head.contains("<body") || head.contains("<title")) {
            return "html";
        }
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return "json";
        }
        if (head.contains("exception") && head.contains(".")) {
            return "exception";
        }
        for (int i = 0; i < n; i++) {
            if (Character.UnicodeScript.of(message.charAt(i)) == Character.UnicodeScript.HAN) {
                return "zh";
            }
        }
        return "text";
    }

    /**
     * An n-gram of at most three chars packed into one long, exactly (length, then 16 bits per char): the model
     * looks n-grams up by this key on every call instead of creating a string per n-gram.
     */
    static long key(CharSequence text, int from, int to) {
        long key = to - from;
        for (int i = from; i < to; i++) {
            key = key << 16 | text.charAt(i);
        }
        return key;
    }

    /** {@code text} as features see it: folded, lower case, numbers and ids as {@code #} or {@code 0}s. */
    public static String mask(String text) {
        String folded = fold(text);
        if (folded.indexOf('@') >= 0) { // the pattern is slow on long text without one
            folded = EMAIL.matcher(folded).replaceAll("@");
        }
        StringBuilder b = new StringBuilder(folded.length());
        int i = 0;
        while (i < folded.length()) {
            int end = i;
            boolean letters = false;
            boolean digits = false;
            while (end < folded.length() && isTokenChar(folded.charAt(end))) {
                letters |= isAsciiLetter(folded.charAt(end));
                digits |= isAsciiDigit(folded.charAt(end));
                end++;
            }
            if (end == i) {
                char ch = folded.charAt(i++);
                b.append(Character.isWhitespace(ch) ? ' ' : Character.toLowerCase(ch));
            } else {
                appendToken(b, folded, i, end, letters && digits && end - i >= 6);
                i = end;
            }
        }
        return b.toString();
    }

    /** A token: a whole id when it mixes letters and digits, else its digit runs as {@code #} or {@code 0}s. */
    private static void appendToken(StringBuilder b, String text, int from, int to, boolean mixedId) {
        if (mixedId) {
            b.append('#');
            return;
        }
        int i = from;
        while (i < to) {
            int run = i;
            while (run < to && isAsciiDigit(text.charAt(run))) {
                run++;
            }
            if (run - i >= 6) {
                b.append('#');
            } else {
                b.append("0".repeat(run - i));
            }
            if (run < to) {
                b.append(Character.toLowerCase(text.charAt(run++)));
            }
            i = run;
        }
    }

    private static boolean isTokenChar(char ch) {
        return isAsciiLetter(ch) || isAsciiDigit(ch) || ch == '_' || ch == '-';
    }

    private static boolean isAsciiLetter(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }

    private static boolean isAsciiDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** Full-width ASCII (digits, letters, punctuation from a Chinese input method) as plain ASCII. */
    private static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            b.append(ch >= '\uFF01' && ch <= '\uFF5E' && !isChinesePunctuation(ch) ? (char) (ch - 0xFEE0) : ch);
        }
        return b.toString();
    }

    /** Full-width commas, colons and brackets are how Chinese is written: kept, they are features. */
    private static boolean isChinesePunctuation(char ch) {
        return ch == '\uFF0C' || ch == '\uFF1A' || ch == '\uFF1B' || ch == '\uFF08' || ch == '\uFF09'
                || ch == '\uFF01' || ch == '\uFF1F';
    }

    /** A code's shape: letters as {@code A}, digits as {@code 9}, e.g. {@code UW002} → {@code AA999}. */
    private static String shape(String code) {
        StringBuilder b = new StringBuilder(code.length());
        for (int i = 0; i < code.length() && b.length() < 16; i++) {
            char ch = code.charAt(i);
            b.append(Character.isLetter(ch) ? 'A' : Character.isDigit(ch) || ch == '#' ? '9' : ch);
        }
        return b.toString();
    }
}
