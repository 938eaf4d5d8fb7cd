package dev.baton.sync.domain;

import java.util.List;
import java.util.Set;

/**
 * Baton's built-in classification, good enough that most insurers need no rules of their own. Order
 * matters (first match wins):
 * <ol>
 * <li>how the call failed: timeouts and refused/reset connections are transient;</li>
 * <li>401/403 are {@code UNKNOWN}: Baton's credentials, not the order's data, are wrong — retried until a
 *     human looks, never answered as "fix your data" (their messages often say "invalid token");</li>
 * <li>throttling (429, rate-limit messages), then busy / try later / unavailable messages: a downstream that
 *     says "系统繁忙，请稍后重试" is transient whatever its status or code;</li>
 * <li>rejection messages before invalid-data messages: "核保不通过：证件无效" is an underwriting decision;</li>
 * <li>then statuses: 408 and 5xx (gateway pages included) transient; 400/413/415/422 invalid data.</li>
 * </ol>
 * Anything else (404, 409, an unknown business code with an unknown message) falls through to UNKNOWN,
 * which is async by default: it retries with backoff until it succeeds or is dead in front of a human.
 */
public final class DefaultRules {

    private DefaultRules() {
    }

    /** The rules, in the order they are tried. */
    public static final List<Rule> RULES = List.of(
            new Rule("default.timeout", new RuleCondition(Set.of(FailureKind.TIMEOUT), null, null, null, null),
                    Category.TRANSIENT),
            new Rule("default.connection", new RuleCondition(Set.of(FailureKind.CONNECTION), null, null, null, null),
                    Category.TRANSIENT),
            Rule.statuses("default.auth-status", Category.UNKNOWN, 401, 403),
            Rule.statuses("default.throttled-status", Category.THROTTLED, 429),
            Rule.messages("default.throttled-message", Category.THROTTLED, "rate limit", "too many requests",
                    "throttl", "quota exceeded", "限流", "请求过于频繁", "访问频繁", "频率超限", "调用频率", "请求太频繁"),
            Rule.messages("default.busy-message", Category.TRANSIENT, "busy", "try again", "temporarily",
                    "timed out", "timeout", "time-out", "unavailable", "maintenance", "bad gateway", "overloaded",
                    "系统繁忙", "服务繁忙", "繁忙", "请稍后重试", "稍后再试", "请稍后", "超时", "服务暂不可用", "暂不可用",
                    "暂时无法", "系统维护", "维护中", "网络异常", "系统异常，请重试", "服务不可用"),
            Rule.messages("default.rejected-message", Category.REJECTED, "拒保", "不予承保", "不符合投保条件",
                    "超出承保范围", "核保不通过", "拒绝承保", "核保未通过", "不接受投保", "declined", "not eligible",
                    "ineligible", "underwriting rejected", "rejected by underwriting"),
            Rule.messages("default.invalid-message", Category.INVALID_DATA, "校验失败", "格式错误", "格式不正确",
                    "不合法", "不能为空", "必填", "有误", "无效", "缺少", "非法", "不正确", "invalid", "malformed",
                    "missing", "is required", "must not be", "validation failed", "verification failed"),
            new Rule("default.server-status", new RuleCondition(null, serverStatuses(), null, null, null),
                    Category.TRANSIENT),
            Rule.statuses("default.client-status", Category.INVALID_DATA, 400, 413, 415, 422));

    private static Set<Integer> serverStatuses() {
        java.util.Set<Integer> statuses = new java.util.HashSet<>();
        statuses.add(408);
        for (int s = 500; s <= 599; s++) {
            statuses.add(s);
        }
        return statuses;
    }
}
