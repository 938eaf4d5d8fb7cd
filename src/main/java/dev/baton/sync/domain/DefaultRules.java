package dev.baton.sync.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Baton's built-in classification, good enough that most insurers and banks need no rules of their own.
 * First match wins, so the order is the design:
 * <ol>
 * <li><b>How the call failed</b>: timeouts and failed connections are transient.</li>
 * <li><b>An expired quote</b> ("报价已超时，请重新报价", "re-quote required") is {@code INVALID_DATA}: quoting
 *     again fixes it, waiting does not, whatever "超时" says. So is an order closed because the time to pay ran
 *     out ("支付超时，订单已关闭", {@link #RAN_OUT}).</li>
 * <li><b>Async meanings before terminal ones</b>: 429 and rate-limit messages are throttled, then 502/503/504
 *     (proxy and gateway pages) are transient, labelled by their status whatever the page says — unless the
 *     body carries the downstream's own code ({@link #businessAnswer}: its code pointer found one), which the
 *     message rules and the model read first — then busy / try later / timed out / unavailable / maintenance /
 *     upstream / proxy messages, and a reply the downstream's own core sent it malformed or empty ("核心系统返回格式错误",
 *     "响应报文缺失": its fault, not the order's data), its own machinery or program failing ({@link #INTERNAL_FAULT})
 *     and a check failed because the service doing it did ({@link #DEPENDENCY_FAULT}), are transient. A wrong async
 *     answer costs bounded retries and ends
 *     {@code DEAD} in front of a human; a wrong {@code INVALID_DATA} or {@code REJECTED} tells the
 *     customer to fix good data or gives up a sellable policy at once. Example: HTTP 200, code 9999,
 *     "系统繁忙，请稍后重试" → {@code TRANSIENT}, whatever the code. Throttling comes first because
 *     "请求过于频繁，请稍后再试" says both and slowing down is the more specific advice. A database behind the
 *     downstream out of sessions or connections ({@link #DATABASE_BUSY}: "ORA-00018", "SQLSTATE[08006]", "too
 *     many connections") is transient like a busy message.</li>
 * <li><b>Not the order's fault</b>: credential messages ("签名无效", "invalid token") and, after the rejection
 *     messages, 401/403/404/405/407 are {@code UNKNOWN}: Baton's keys or endpoint are wrong, so "fix your data"
 *     would be a lie; the order is probed a few times, then waits in {@code NEEDS_REVIEW} until someone fixes
 *     the downstream's settings and redrives it. An explicit underwriting decision ("核保不通过" on a 403) is a
 *     decision whatever the status. So are Baton's own account details at the downstream — its merchant,
 *     teller, branch, agent number, agency appointment, certificate or key ("柜员号不存在", "Invalid
 *     merchant"): worded like a data error, they are the downstream's settings, not the customer's data.</li>
 * <li><b>Perhaps already done</b>: "该投保单已生成保单", "订单号已存在", "already been issued", an idempotency conflict
 *     are {@code UNKNOWN} before any refusal wording ("保单已生成，不可重复投保" is this order gone through, not
 *     a refusal): the order may have been accepted, so a human looks before anything is resent.</li>
 * <li><b>Rejection before invalid data</b>: "核保不通过：不符合投保条件" → {@code REJECTED}; an underwriting
 *     decision that mentions a field ("核保未通过：证件无效") is still a decision, and {@code FIX_DATA} would
 *     invite a pointless resubmission. Just before the refusal words, a limit reached by one person across
 *     policies ("同一被保险人投保份数超过限制", "累计保额超限", "超过每人限购份数") is a refusal, not a rate limit.</li>
 * <li><b>Never final when the outcome is pending</b>: a message saying the result is pending or unknown
 *     ({@link #PENDING_OUTCOME}) skips the final rules (and the model may not answer it final), whatever
 *     else it says: the downstream may have accepted the order.</li>
 * <li><b>Invalid-data messages</b>: HTTP 400, "证件号码格式错误" → {@code INVALID_DATA}; also when a busy word is
 *     only part of a field's name ("requestTimeout is missing") or the only other thing said is a retry hint
 *     ("身份证号码格式错误，请稍后重试"; {@link #yieldsToDataError}). Messages come before
 *     plain statuses because many insurers answer business errors with 500 or 200.</li>
 * <li><b>Statuses last</b>: 408 and 5xx are transient; 400, 413, 415 and 422 are invalid data. These two
 *     status-only rules are tried after the model ({@link #AFTER_MODEL}): when no other rule matched, a message
 *     the model reads as final with enough confidence decides before the bare status does.</li>
 * </ol>
 * Anything else — 409, other 4xx, a business code with an unknown message such as "系统异常" — falls
 * through to {@code UNKNOWN} (rule {@value FailureClassifier#FALLBACK_RULE_ID}): it is not provably the
 * order's fault and a human may need to look, and {@code UNKNOWN} is async: the order is probed a few times
 * with backoff ({@link RetryPolicies#UNKNOWN_PROBES}) and then waits for a human in {@code NEEDS_REVIEW}.
 */
public final class DefaultRules {

    /**
     * 502, 503 and 504 are a proxy or gateway's answer, transient whatever its page says — unless the body is the
     * downstream's own business answer ({@link #businessAnswer}): then the model reads it first, as for a 500.
     */
    static final Rule GATEWAY_STATUS = statuses("default.gateway-status", Category.TRANSIENT, Set.of(502, 503, 504));

    /**
     * The downstream, or a system behind it, says it is busy, down, timed out or unreachable. It gives way to a data
     * error when its words are only inside identifiers ({@link #yieldsToDataError}).
     */
    static final Rule BUSY_MESSAGE = messages("default.busy-message", Category.TRANSIENT, "busy",
            "temporarily", "timed out", "timeout", "time-out", "time out",
            "service unavailable", "currently unavailable", "maintenance", "bad gateway", "overloaded",
            "繁忙", "超时", "暂不可用", "暂时不可用", "服务不可用",
            "暂时无法", "系统维护", "维护中", "网络异常", "网络错误", "连接失败", "unavailable", "could not connect",
            "connection refused", "invalid response", "连接池", "无响应", "未响应", "no response",
            "not respond", "inoperative", "稍后查询", "check back later", "interface down", "is down",
            "upstream connect", "upstream sent", "upstream timed out", "upstream server", "upstream request",
            "upstream error", "upstream service", "healthy upstream", "upstream prematurely", "proxy error",
            "proxy timeout", "proxy server", "proxy could not", "熔断", "circuit", "线程池", "connection pool",
            "pool exhausted", "connection reset",
            // two writers at once inside the downstream: resubmitting succeeds (a third outside tester's answers)
            "乐观锁", "锁冲突", "并发冲突", "死锁", "optimistic lock", "deadlock", "concurrent modification",
            "lock wait timeout", "concurrent update", "并发更新", "版本冲突", "版本号冲突", "record is locked",
            "is locked by", "held by another", "transaction is ongoing", "transaction conflict",
            // a system it needs is out of reach, or still loading (a fourth outside tester: "vehicle registry
            // unreachable" and "费率表加载中" were read final by the model)
            "unreachable", "不可达", "加载中",
            // the downstream's own system answered it nothing it could read: its fault, not the order's
            "返回格式", "响应格式", "返回数据格式", "响应数据格式", "返回报文", "响应报文", "malformed response",
            // a fifth round: a platform taken offline for a release, an ISO 8583 68 ("Response received too late"),
            // API Gateway's own fault on a Lambda's reply ("Malformed Lambda proxy response"): none is the order's
            "is offline", "platform offline", "system offline", "service offline", "offline for", "reopen at",
            "reopens at", "submissions reopen", "response received too late", "lambda proxy response",
            "lambda function response",
            // a fifth outside tester: a decline, an "unable to" or a refusal word with a stated cause that is the
            // machinery's ("Declined: could not reach card issuer", "Declined - acquirer host down", "The bank declined
            // the payment due to a temporary problem", "请求被拒绝：系统负载过高", "支付被拒：通道临时关闭") is no decision
            "could not reach", "unable to reach", "cannot reach", "can't reach", "host down", "issuer down",
            "acquirer down", "outage", "temporary problem", "temporary error", "temporary failure", "temporary issue",
            "technical issue", "technical error", "technical problem", "technical difficult", "负载过高", "负载过大",
            "临时关闭", "临时故障", "暂时关闭", "declined: overflow", "rejected: overflow", "business hours",
            "service hours", "非营业时间", "非工作时间", "system issue", "system problem", "engine offline",
            "engine is offline", "server offline", "host offline");

    /**
     * Only a hint to try again ("请稍后重试", "please try again later"): transient on its own, but it says nothing of
     * why the call failed, so a data error it is appended to wins ({@link #yieldsToDataError}).
     */
    static final Rule RETRY_HINT = messages("default.retry-hint-message", Category.TRANSIENT, "请稍后", "稍后再试",
            "稍后重试", "try again later", "try later", "retry later",
            // the other ways insurers say it (an outside tester's 416 answers): 稍候 for 稍后, a delay, resubmitting
            "请稍候", "稍候再试", "稍候重试", "请重试", "请再试", "分钟后重试", "分钟后再试", "系统将自动重试",
            "please retry", "try again shortly", "retry shortly", "try again in a few", "retry after",
            "resubmit later", "wait and retry", "please resend", "resend the request", "retry the request",
            "resend later", "请重新发送",
            // a delay of any length: "Try again in a little bit" (a card processor's processing_error), "in a moment"
            "try again in a", "try again in an", "retry in a", "retry in an",
            // card processors' declines that ask for the same card again (Stripe's decline codes): "Your card was
            // declined" beside them is not the card's fault
            "reenter_transaction", "try_again_later", "issuer_not_available", "processing_error");

    /**
     * The downstream could not do it now, or asks for the same request again and says nothing else: a check it could
     * not run at this time ("Unable to check eligibility at this time", "Cannot verify policy right now"), or a
     * message that ends in a bare "retry" or "resubmit" ("Transaction declined - retry", "Lease expired, retry",
     * "Please resubmit the request", "Request not completed, please send the same request again"). A check not run is
     * no decision about the risk or the data (guide, question 1). Not "unable to offer … at this time", a London
     * market decline, nor "retry with another card". Like {@link #BUSY_MESSAGE}, it gives way to any data-error word
     * ({@link #yieldsToDataError}): insurers append "please resubmit" to data errors, which stay final.
     */
    static final Rule NOT_NOW = new Rule("default.not-now-message", new RuleCondition(null, null, null, null,
            "(?i)\\b(unable|not able|cannot|can't|could not) (to )?(check|verify|validate|confirm|retrieve|complete)"
                    + "\\b[^.;:!?]{0,40}?\\b(at this (time|moment|stage)|at the moment|right now"
                    + "|at present|currently)\\b"
                    + "|(^|[-,;:.!]\\s*)(please |kindly )?(retry|resubmit|re-submit"
                    + "|send (it|the (same )?request) again)( (it|the (same )?request))?\\W*$"),
            Category.TRANSIENT);

    /**
     * The downstream names its own machinery as what failed — its database, cache, core system or an engine or
     * service behind it answering it badly, its internals throwing ("数据库会话无效", "核心系统返回字段缺失", "缓存
     * 数据不一致", "Missing response from rating engine", "SQLException: … the Connection object is closed"): the
     * weak data-error words after it ("无效", "缺失", "不一致", "invalid", "missing") describe that machinery, not a
     * field of the order. Transient, unless a field's constraint is stated ({@link #yieldsToDataError}). Bare
     * "database" and "returned" are left out: the training split has a motor insurance database's refusal, a
     * column too long for a database and an EFT "returned NSF", all final.
     * <p>Also the downstream's own program broken or deployed without a part: a Java class, method, field or Spring
     * bean missing at run time ("missing bean 'rateService'", "No qualifying bean of type", "ClassNotFoundException",
     * "NoSuchMethodError"), a MyBatis statement not bound ("Invalid bound statement (not found)"), a null
     * dereferenced (Java, .NET, JavaScript, Python). A stack trace is the guide's 5xx "with no business meaning"
     * (question 1), and its "missing" or "invalid" names a part of the insurer's program, not a field of the order
     * (the third outside tester: "missing bean 'rateService'" on a 500 answered {@code INVALID_DATA}). Not in the
     * list: a value the caller sent that could not be parsed ({@code NumberFormatException},
     * {@code DateTimeParseException}, SOAP {@code Client} faults: the guide's data errors) and bare "bean" ("Bean
     * Validation failed: … must not be null" is a field).
     */
    static final Rule INTERNAL_FAULT = messages("default.internal-fault", Category.TRANSIENT, "数据库", "缓存",
            "核心系统返回", "核心返回", "下游返回", "接口返回", "服务返回", "引擎返回", "返回数据", "返回字段", "返回非法",
            "返回无效", "返回为空", "系统内部", "内部错误", "internal error", "response from", "reply from",
            "upstream response", "upstream reply", "rating engine", "pricing engine", "underwriting engine",
            "quote service returned", "db session", "database session", "database connection", "database error",
            "database exception", "sqlexception", "connection object", "connection closed", "cache",
            // the downstream's program broken, not the order's data
            "nullpointerexception", "nullreferenceexception", "object reference not set to an instance",
            "'nonetype' object", "cannot read properties of undefined", "cannot read properties of null",
            "classnotfoundexception", "noclassdeffounderror", "nosuchmethoderror", "nosuchmethodexception",
            "nosuchfielderror", "abstractmethoderror", "incompatibleclasschangeerror", "nosuchbeandefinitionexception",
            "no qualifying bean", "beancreationexception", "unsatisfieddependencyexception", "error creating bean",
            "missing bean", "no bean named", "invalid bound statement", "ibatis.binding",
            "mapped statements collection",
            // a fourth outside tester: the downstream's upstream, internal services, core, registry or queue named as
            // what failed ("Invalid data received from upstream", "Missing ack from core system", "内部服务响应不一致").
            // Not "soap:Server": by SOAP 1.1 it is not the message's contents, but insurers send refusals and data
            // errors in it (the training split has seven)
            "from upstream", "上游服务", "上游系统", "上游返回", "internal service", "内部服务", "gateway response",
            "server state", "core system", "core engine", "from core", "from registry", "service registry", "引擎错误",
            "引擎异常", "引擎故障", "消息队列", "message queue",
            "on server", "server-side", "server side",
            // a fifth outside tester: "invalid" or "非法" said of the downstream's cluster, endpoints, instances,
            // addresses, connections, cursors, transactions or sequences ("Invalid cluster: no endpoints available",
            // "无效的服务地址", "JDBC connection invalid, retry", "Invalid cursor state", "IO Error: Invalid Packet
            // Lenght", "Invalid state: service is starting up"): its routing or its database, not a field of the order
            "no endpoints", "no ready endpoints", "no healthy endpoints", "target endpoint", "invalid cluster",
            "invalid destination", "dns resolution", "service instance", "provider address", "服务地址", "服务未注册",
            "服务实例", "jdbc connection", "connection invalid", "invalid connection", "connection not open",
            "connection string", "cursor state", "invalid cursor", "transaction state", "sequence state",
            "session state", "backend state", "invalid packet", "io error", "starting up", "restarted",
            "tls session", "resultset", "result set");

    /**
     * English names of a customer's or a vehicle's field — an ID or passport number, a phone number, an e-mail
     * address, a postcode, a date of birth, a VIN or plate, a card or bank account, a policy's dates — lower case. With
     * "invalid" or "not valid" they are a field's broken constraint ({@link #FIELD_INVALID}).
     */
    static final List<String> FIELD_NOUNS = List.of("id number", "id no", "id card", "id document", "identity number",
            "identity card", "identification number", "national id", "passport number", "passport",
            "social security number", "tax id", "phone number", "phone no", "mobile number", "mobile no",
            "mobile phone", "telephone number", "email address", "e-mail address", "email", "e-mail", "postcode",
            "post code", "postal code", "zip code", "date of birth", "birth date", "birthdate", "vin",
            "chassis number", "licence plate", "license plate", "plate number", "registration number", "card number",
            "expiry date", "cvv", "bank account", "account number", "iban", "sort code", "gender", "start date",
            "end date", "effective date", "inception date");

    /**
     * A check the downstream runs against another system failed because that system did: its verification,
     * validation or lookup service or the police's ID interface erred, threw, was down or timed out ("证件号码校验失败
     * （校验服务异常）", "校验服务不可用", "验证服务超时", "公安接口调用失败", "ID verification service error"). The check
     * did not say the order's data is wrong, so it is transient (guide, question 1: a system the downstream depends on
     * failed) — though "校验失败" beside it is a data-error word. The service must be named right before its fault:
     * "公安系统比对失败" (the comparison failed: the data) and "verification failed" stay data errors. Gives way to a
     * field's broken constraint ({@link #yieldsToDataError}). A decoder answering a 5xx is such a fault too ("VIN
     * decode service answered 503"), not "question 12 answered Yes".
     */
    static final Rule DEPENDENCY_FAULT = new Rule("default.dependency-fault", new RuleCondition(null, null, null, null,
            "(?i)(校验|验证|核验|认证|查验|比对|核查|公安)(服务|接口|系统|平台)(返回异常|(暂时?|出现|发生|调用|请求|连接|访问)?"
                    + "(异常|故障|出错|错误|失败|中断|不可用|超时|[无未]响应|繁忙))"
                    + "|\\b(verification|validation|check(ing)?|lookup|screening|kyc|identity|id|address|police|decode)"
                    + "[ -](service|system|provider|api|server|endpoint|backend|interface)s?"
                    + "( (is|was|has|had|return(s|ed)|responded with|reported|answered))?"
                    + "( (currently|temporarily|been))*[ :(-]{1,3}(unavailable|down|error(ed)?|exception|failure"
                    + "|time(d )?out|not responding|unreachable|offline|outage|fault|5\\d\\d)\\b"),
            Category.TRANSIENT);

    /**
     * A value the database behind the downstream would not take, in PostgreSQL's, Oracle's, MySQL's and SQL Server's
     * words: too long, null where it may not be, not in the column's character set or type, a code with no parent row
     * (a fifth outside tester: behind "org.postgresql.util.PSQLException:" or "java.sql.SQLException:" they were
     * retried for an hour, though the bare text is the order's data). Also a payment instrument to change.
     */
    static final String[] STATED_DATA_ERRORS = {"value too long for type", "violates not-null constraint",
        "cannot insert null", "ora-01400", "cannot be null", "incorrect string value",
        "conversion failed when converting", "parent key not found", "ora-02291",
        // the customer must pay another way (guide, question 2): "Insufficient funds - please retry with another
        // payment method" is not a request to retry the same payment (a fifth outside tester)
        "another payment method", "different payment method", "another card", "different card"};

    /** The order's data is wrong: a format, a missing field, values that disagree. */
    static final Rule INVALID_MESSAGE = messages("default.invalid-message", Category.INVALID_DATA,
            // "X is not a valid ID number" (not "… a valid session")
            Stream.concat(FIELD_NOUNS.stream().map(noun -> "not a valid " + noun), Stream.of(STATED_DATA_ERRORS)),
            "校验失败",
            "校验不通过", "格式错误", "格式不正确", "格式有误", "不合法", "非法", "不能为空", "不可为空", "不允许为空", "必填", "有误",
            "无效", "缺少", "缺失", "不正确", "不匹配", "不一致", "不能早于", "不能晚于", "不能大于",
            "不能小于", "不能超过", "长度", "invalid", "malformed", "missing", "is required",
            "are required", "must not be", "must be", "validation failed", "validation error",
            "verification failed", "format error", "wrong format", "not valid", "cannot be empty",
            "cannot be blank", "mismatch", "soap:client", "soapenv:client", "numberformatexception",
            "datetimeparseexception", "not a valid value", "not a valid date",
            // a limit of the customer's card: another card or a smaller payment gets through (guide, question 2)
            "card limit", "card daily limit", "daily card limit", "card's limit", "card's daily limit", "支付限额",
            "代扣限额", "扣款限额", "withdrawal frequency", "withdrawal count", "withdrawal limit",
            // a value the database behind the downstream would not take: the order's data, whatever the 500 says
            "invalid input syntax for", "value larger than specified precision", "value too large for column",
            "would be truncated", "data too long for column");

    /**
     * A database behind the downstream out of sessions, processes or connections, shutting down or unreachable:
     * Oracle's codes for them (sessions and processes exhausted, listener with no handler left, instance not
     * available or starting, connection lost), SQLSTATE classes 08 (connection exception), 53 (insufficient
     * resources), 57P01–57P03 (shut down, cannot connect now), 40001 and 40P01 (serialisation failure,
     * deadlock), and the servers' own words for a full connection table. Also Oracle's busy resource and lock
     * timeout (00054, 30006), open cursors exhausted (01000), snapshot too old (01555), a corrupt block (01578)
     * and discarded package state (04061/04065/04068): the insurer's database, never a field of the order (a
     * third outside tester's answers; the model read several as data errors). Also the insurer's account at its
     * own database over a session limit of its profile (02391 SESSIONS_PER_USER, 02396 idle time, 02399 connect
     * time; MySQL's "max_user_connections"), its session killed or lost (00028, 00603, 01012), the instance
     * terminated (01092) and the archiver stuck (00257): the model read "ORA-02391: exceeded simultaneous
     * SESSIONS_PER_USER limit" as a rate limit (the third outside tester). The downstream failed, not the
     * order: waiting fixes it (docs/classification.md, guide question 1: "database pool exhausted"). A fifth outside
     * tester: a lock not obtained (PostgreSQL 55P03), a call Oracle could not safely replay after failing over
     * (25408), a database or table read-only during a switchover (16000, 25006, MySQL's "Table 'policy' is read only").
     */
    static final String DATABASE_BUSY = "(?i)\\bORA-(00018|00020|00028|00054|00060|00257|00603|01000|01012|01033"
            + "|01034|01089|01092|01555|01578|02391|02396|02399|03113|03114|03135|04031|04061|04065|04068|12170"
            + "|12514|12516|12518|12519|12520|12528|12537|12541|16000|25408|30006)\\b"
            + "|SQL\\s?STATE\\W{0,3}(08|53|55P03|57P0[1-3]|40001|40P01|25006)"
            + "|maximum number of (sessions|processes)|too many (connections|clients)|connection slots are reserved"
            + "|max_user_connections";

    /**
     * With {@link #DATABASE_BUSY}, in its own rule for the 500-character limit: a lock not obtained, a database or
     * table read-only during a switchover (a fifth outside tester).
     */
    static final String DATABASE_STALLED = "(?i)could not obtain lock|table '[^']*' is read.only|database is read.only"
            + "|read.only (sql )?(transaction|mode)";

    /**
     * The insurer's own database refuses the insurer's own account: wrong password, account locked, password expired
     * (Oracle 01017, 28000, 28001; MySQL's and PostgreSQL's words for the same). Not the order's data and not Baton's
     * keys either: {@code UNKNOWN}, probed a few times and then reviewed, like a setup error.
     */
    static final String DATABASE_LOGIN = "(?i)\\bORA-(01017|28000|28001)\\b|access denied for user"
            + "|password authentication failed for user";

    /**
     * With {@code default.closed-message}'s words for an order or transaction closed: the time to pay ran out
     * ("支付超时，订单已关闭"). The order is closed for good, so "超时" is not a busy word here; paying again needs a
     * new order, as an expired quote needs a new quote (guide, question 2). Closed without saying why ("订单已关闭")
     * may be closed because it was paid, and is left to the model and the fallback.
     */
    static final String RAN_OUT = "(?i)超时|过期|失效|timed out|timeout|expired";

    /**
     * With {@code default.cumulative-limit-message}'s words for one person across policies ("同一被保险人", "累计",
     * "限购", "across policies"): a limit reached. Together they are the guide's cumulative cover of this person
     * over a limit, a refusal (question 3) — not a rate limit and not a product's per-policy maximum.
     */
    static final String PERSON_LIMIT = "(?i)超|上限|限额|限制|已达|限购|限投|limit|exceed|maximum";

    /**
     * A message that is nothing but a generic failure — "系统异常", "处理失败", "业务处理异常", "Something went wrong",
     * "Request could not be processed", "An unexpected error occurred" — perhaps with punctuation or a number around
     * it: the guide's "says nothing decisive" (question 4), {@code UNKNOWN}. The whole message must be the phrase:
     * "处理失败：证件号码格式错误" says what failed and is left to the other rules. Also a business check or a reason
     * named without saying which ("业务校验不通过", ISO 20022's MS03 "Reason not specified").
     */
    static final String VAGUE = "^[\\s\\p{Punct}\\p{IsPunctuation}0-9]*(?i:something went wrong|(the |your )?request could"
            + " not be (processed|completed)|unable to process (the |your )?request|(an? )?(unexpected |unknown |internal"
            + " )?error (has )?occurred|unknown error|unexpected error|general error|processing (failed|error)"
            + "|(request|operation|transaction) failed|系统(异常|错误|出错)|处理(失败|异常)|业务(处理)?异常"
            + "|业务处理失败|交易(失败|异常)|操作失败|请求失败|服务异常|未知(错误|异常)|业务校验(不通过|失败)"
            + "|reason not specified|unspecified (error|reason))[\\s\\p{Punct}\\p{IsPunctuation}0-9]*$";

    /**
     * A count of calls, queries or submissions over a limit per time window: "同一银行卡60秒内仅允许发起一次支付", "每分钟
     * 最多调用60次", "5分钟内最多发起2次投保申请", "今日查询次数已用完", "平台今日投保人次已达日限额", "one payment every
     * 60 seconds", "5 requests per second". The guide's rate, TPS or daily quota (question 1): waiting gets it
     * through. Tried after {@code default.cumulative-limit-message}: one person's number of policies over a limit is
     * a refusal, and a card's payment <em>amount</em> limit ("单日支付限额") is a data error, not a count. A number is
     * tried from its first digit only and never given back: a body of long policy numbers made the search quadratic
     * (128 → 35 µs on a 900-character body); what it finds is the same.
     */
    static final String COUNT_LIMIT = "(?<![0-9０-９一二三五十几])[0-9０-９一二三五十几]++\\s*+(秒|秒钟|分钟)内((仅|只)(允许|能|可)|最多)"
            + "|(次数|人次|笔数|调用量|请求量|查询量)[^，。,;；]{0,6}(已达|达到|超过|超出|已超|已用完|用尽|超限)"
            + "|(?i:\\b(requests?|calls?|queries|payments?|transactions?|attempts?|submissions?|batches)"
            + " (per|every) ([0-9]+ )?(seconds?|minutes?|secs?|mins?)\\b"
            // "Exceeded 100 calls" (a fourth outside tester, on a 400 with code TooManyRequests)
            + "|\\bexceeded (the )?[0-9]+ (calls|requests|queries)\\b)";

    /** The rules, in the order they are tried. */
    public static final List<Rule> RULES = List.of(
            kind("default.timeout", FailureKind.TIMEOUT),
            kind("default.connection", FailureKind.CONNECTION),
            statuses("default.throttled-status", Category.THROTTLED, Set.of(429)),
            messages("default.expired-message", Category.INVALID_DATA, "报价已超时", "报价已过期", "报价已失效",
                    "报价失效", "试算已超时", "试算结果已失效", "quote has expired", "quote expired",
                    "quotation has expired", "quote is no longer valid", "验证码超时", "验证码已超时", "验证码已过期",
                    "验证码已失效",
                    // the quote itself timed out, not a service giving it ("Quote service timed out" stays busy)
                    "quote timed out", "quote has timed out", "quote session timed out", "quote session expired",
                    "试算结果有效期", "报价结果有效期"),
            new Rule("default.closed-message", new RuleCondition(null, null, null, List.of("订单已关闭", "交易已关闭",
                    "订单关闭", "交易关闭", "超时关闭", "order closed", "order has been closed", "order is closed",
                    "order was closed", "transaction closed"), RAN_OUT), Category.INVALID_DATA),
            messages("default.throttled-message", Category.THROTTLED, "rate limit", "rate-limit", "ratelimit",
                    "rate_limit", "too many requests", "throttl", "quota exceeded", "限流", "流控", "流量超限",
                    "过于频繁", "太频繁", "访问频繁", "请求频繁", "调用频繁", "交易频繁", "操作频繁", "频率超限",
                    "调用频率", "超过频率", "频率过高", "rate exceeded", "quota ", "quota_", "quota\"", "quota.",
                    "quota,", "quotas", "your quota", "daily quota", "monthly quota", "api quota", "请求太多", "限速",
                    "人数过多", "invocation limit", "invocations", "调用次数",
                    // a fourth outside tester: AWS-style and per-window limits on a 400, which the 400 made final
                    "too many calls", "request limit exceeded", "requests limit exceeded", "call limit exceeded",
                    "reduce your request rate", "reduce the request rate", "reduce request rate", "slow down",
                    "throughput exceeded", "provisioned throughput", "calls in the last", "requests in the last",
                    // a fifth outside tester: the token bucket a rate limiter keeps ("调用被拒绝：令牌桶已空")
                    "令牌桶", "token bucket"),
            DefaultRules.GATEWAY_STATUS,
            // before the data-error words: the model read "ORA-00018: maximum number of sessions exceeded" as
            // INVALID_DATA, because the ORA- codes it knows are mostly a value too large or a missing column
            new Rule("default.database-busy", new RuleCondition(null, null, null, null, DATABASE_BUSY),
                    Category.TRANSIENT),
            new Rule("default.database-stalled", new RuleCondition(null, null, null, null, DATABASE_STALLED),
                    Category.TRANSIENT),
            new Rule("default.database-login", new RuleCondition(null, null, null, null, DATABASE_LOGIN),
                    Category.UNKNOWN),
            BUSY_MESSAGE,
            RETRY_HINT,
            NOT_NOW,
            INTERNAL_FAULT,
            DEPENDENCY_FAULT,
            messages("default.requote-message", Category.INVALID_DATA, "重新报价", "重新试算", "重新询价",
                    "new quote", "re-quote", "requote", "re-rate"),
            messages("default.auth-message", Category.UNKNOWN, "验签", "签名校验", "签名验证", "签名无效",
                    "签名错误", "鉴权", "token", "unauthorized", "unauthorised", "invalid signature",
                    "signature mismatch", "signature verification", "access denied", "app key", "appkey",
                    "api key", "apikey", "appid", "credential", "authentication", "签名不一致", "未授权", "无权限",
                    "权限不足", "没有权限", "销售权限", "渠道未开通",
                    // a fifth round: the request's own headers and signature field ("请求头缺少sign字段"), and Rails'
                    // 422 page for a request it would not let Baton make ("something you didn't have access to")
                    "请求头", "request header", "sign字段", "sign参数", "signature header", "didn't have access",
                    "did not have access", "don't have access", "do not have access",
                    // a fifth outside tester: Baton's session, token, signature or request timestamp expired — its own
                    // credentials, not the order's data (an expired quote or verification code is tried before this)
                    "session expired", "session has expired", "session is expired", "re-authenticate", "reauthenticate",
                    "log in again", "login again", "signature expired", "signature has expired", "timestamp expired",
                    "timestamp has expired", "timestamp is expired", "令牌", "签名已过期", "签名过期", "签名已失效",
                    "签名失效", "会话过期", "会话已过期", "会话失效", "会话已失效", "会话无效", "无效的会话", "时间戳过期",
                    "时间戳已过期", "时间戳失效", "时间戳无效", "登录过期", "登录已过期", "请重新登录", "请重新签名",
                    "请求已过期", "请求已失效"),
            messages("default.setup-message", Category.UNKNOWN, "商户", "merchant", "柜员", "网点", "业务员",
                    "工号", "密钥", "证书", "certificate", "appointed", "initiating party", "not set up",
                    "not configured", "not enabled", "not authorised", "not authorized",
                    // the account being paid is the insurer's or Baton's collection account, not the customer's
                    "收款方",
                    // a fifth round: the merchant by the platform's other word ("商家账号被冻结"),
                    // Baton's own prepaid key at a data provider, an e-mail or SMS template, what the integration
                    // itself must change ("code table … retired for this partner; the integration must be moved")
                    "商家", "key balance", "top up your key", "template id", "template_id", "the integration must",
                    "integration must be",
                    // a fifth outside tester: the call's headers, API version or scheme, which Baton's setup decides
                    // ("Missing required header: X-Partner-Id", "The API version 2019-06-01 is no longer supported",
                    // nginx's "The plain HTTP request was sent to HTTPS port")
                    "required header", "header must be", "content-type header", "version header", "api version",
                    "plain http request", "sent to https port"),
            messages("default.exists-message", Category.UNKNOWN, "单已存在", "号已存在", "已存在于", "已生成", "单已承保", "已出单", "已开具",
                    // a request's serial or idempotency key seen before: the first request may have gone through
                    "流水号已使用", "流水号已被使用", "流水号重复", "订单号重复", "订单号已使用", "请求号重复", "交易号重复",
                    "幂等键已使用", "查询码重复", "查询码已使用",
                    // a conditional request failed: the resource changed since it was read, perhaps by this order
                    "if-match", "if-none-match", "etag mismatch",
                    "重复请求", "idempot", "duplicate request", "duplicate submission",
                    "duplicate transaction", "already exists", "already issued", "already been issued",
                    "already processed", "already been processed", "already submitted", "already been submitted",
                    // a fifth round: paid already ("当日已有一笔同产品订单支付成功", a PaymentIntent "with a status of
                    // succeeded") or a policy generated for this application ("…出单生成商业险保单，请勿重复投保")
                    "已支付", "订单支付成功", "already paid", "already been paid", "status of succeeded",
                    "already succeeded", "already captured", "already been captured", "生成保单", "生成商业险保单",
                    "生成交强险保单"),
            new Rule("default.vague-message", new RuleCondition(null, null, null, null, VAGUE), Category.UNKNOWN),
            // before the model, which read "同一被保险人投保份数超过限制" as a rate limit (THROTTLED) by "限制"
            new Rule("default.cumulative-limit-message", new RuleCondition(null, null, null, List.of("同一被保险人",
                    "同一投保人", "该被保险人", "每人限", "限购", "限投", "累计", "across policies", "all policies",
                    "across all", "cumulative", "aggregate"), PERSON_LIMIT), Category.REJECTED),
            // after the cumulative limit, so one person's count of policies over a limit stays a refusal
            new Rule("default.throttled-count", new RuleCondition(null, null, null, null, COUNT_LIMIT),
                    Category.THROTTLED),
            messages("default.rejected-message", Category.REJECTED, "拒保", "不予承保", "不符合投保条件",
                    "不符合承保条件", "超出承保范围", "核保不通过", "核保未通过", "核保拒绝", "拒绝承保",
                    "不接受投保", "不予投保", "重复投保", "审批未通过", "审批不通过", "审批拒绝", "风控拒绝",
                    "declined", "not eligible", "ineligible", "underwriting rejected", "rejected by underwriting",
                    "application rejected", "sanction", "postponed", "无法承保", "不能承保", "不承保", "不予续保",
                    "拒绝续保", "不予受理", "无法出单", "不予出单", "not insurable", "uninsurable", "do not insure",
                    "cannot insure", "unable to insure", "cannot be insured", "not be insured", "no offer",
                    "cannot offer", "unable to offer", "appetite",
                    // the London market's ways of declining (a fifth round): not "unable to support" said of anything
                    // but the risk, which may be a gateway's setup
                    "not in a position to quote", "not in a position to offer", "underwriter unable to support",
                    "underwriters unable to support", "unable to support this risk", "decided not to proceed"),
            statuses("default.setup-status", Category.UNKNOWN, Set.of(401, 403, 404, 405, 407)),
            INVALID_MESSAGE,
            statuses("default.server-status", Category.TRANSIENT, serverStatuses()),
            statuses("default.client-status", Category.INVALID_DATA, Set.of(400, 413, 415, 422)));

    /**
     * Wording that says the outcome is not known yet — "处理结果待确认", "结果未知", "处理中", "pending",
     * "to be confirmed" — lower case. Such an answer is never final by Baton's defaults or its model: the
     * downstream may have accepted the order (docs/classification.md#labelling-guide). A downstream's own rule
     * still decides, because an operator wrote it for that downstream. See {@link #outcomePending}.
     */
    static final List<String> PENDING_OUTCOME = List.of("待确认", "待核实", "结果未知", "状态未知", "结果不明", "正在处理",
            "待定", "结论未知", "生成中", "decision to follow", "审核中", "待审核", "待人工", "核保中", "转核保",
            "正在承保", "暂未承保", "上级审核", "需要审核", "提交审核", "under review", "referred", "queued",
            // handed to a person who has not decided yet ("已转人工核保"; not "建议转人工", a refusal's advice)
            "已转人工", "manual intervention",
            "userpaying", "支付中", "结果待查", "结果未返回", "未知结果", "处理中",
            "受理中", "处理结果未", "pending",
            "in progress", "being processed", "to be confirmed", "unconfirmed", "not yet confirmed",
            "awaiting confirmation", "result unknown", "unknown result", "outcome unknown", "unknown outcome",
            "status unknown", "unknown status",
            // a fifth round: an answer that only acknowledges receipt, a decision still to come, a case still with the
            // underwriters ("Outcome not available - the carrier acknowledged receipt only", "a decision will follow
            // within 2 working days", "awaiting underwriter approval"); not "awaiting surgery", a fact of the risk
            "no acknowledgement", "no acknowledgment", "outcome not available", "result not available",
            "outcome not yet", "result not yet", "decision will follow", "response will follow", "will follow within",
            "awaiting underwrit", "awaiting approval", "awaiting decision", "awaiting a decision", "awaiting review",
            "under medical underwriting", "under underwriting",
            // a fifth outside tester: "Proposal accepted for underwriting; outcome to be advised", "承保确认中，请勿重复投保"
            // (the downstream is confirming this very order, so "重复投保" warns against a second one)
            "to be advised", "accepted for underwriting", "确认中");

    /**
     * Whether a failure's message (lower case, as {@link RuleCondition#lowerCase} gives it) says its outcome is
     * pending or unknown ({@link #PENDING_OUTCOME}); "处理中心" (a processing centre) is not "处理中".
     */
    static boolean outcomePending(String lowerMessage) {
        if (lowerMessage == null) {
            return false;
        }
        for (String marker : PENDING_OUTCOME) {
            for (int at = lowerMessage.indexOf(marker); at >= 0; at = lowerMessage.indexOf(marker, at + 1)) {
                int end = at + marker.length();
                if (!marker.endsWith("中") || end >= lowerMessage.length() || lowerMessage.charAt(end) != '心') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rules that decide before the model is asked: all but the last two, which judge by the status alone
     * ({@link #GATEWAY_STATUS} is among them but skipped for a business answer). A
     * bare 5xx or 400 says that the call failed, not why; when no other rule matched, the model reads the message
     * first, and only when it is not confident that the failure is final do these decide.
     */
    static final List<Rule> BEFORE_MODEL = RULES.subList(0, RULES.size() - 2);

    /**
     * The status-only rules tried after the model: {@code default.gateway-status} (reached here only by a business
     * answer on a 502/503/504, see {@link #businessAnswer}), {@code default.server-status},
     * {@code default.client-status}.
     */
    static final List<Rule> AFTER_MODEL = List.of(GATEWAY_STATUS, RULES.get(RULES.size() - 2),
            RULES.get(RULES.size() - 1));

    /**
     * Whether a failure is the downstream's own business answer rather than a proxy's or gateway's page: it carries
     * the downstream's code — its code pointer found one in the body, e.g. {@code R003} of
     * {@code {"code":"R003","msg":"该车辆出险次数过多，本公司不予续保"}} on a 503. Then {@link #GATEWAY_STATUS} is tried
     * after the message rules and the model, not before them. So is a JSON body that opens with a business code and
     * its message ({@link #BUSINESS_BODY}) when no code pointer is configured (a fifth round: fifteen refusals and
     * data errors on 502/503 were retried for an hour). Neither counts when the message names the proxy's machinery
     * ({@link #PROXY_WORDS}), even under the code pointer's key. Any other body is not enough: gateways answer JSON too
     * ({@code {"Message":"Invalid Lambda function response"}}, {@code "Request declined: origin is unreachable"}),
     * and a proxy's complaint read as a data error or a refusal would give the order up.
     */
    static boolean businessAnswer(Failure failure) {
        if (failure.message() != null && PROXY_WORDS.matcher(failure.message()).find()) {
            return false; // a proxy's complaint about its backend, whatever key its code is under
        }
        if (failure.code() != null) {
            return true; // the downstream's code pointer found its own code in the body
        }
        java.util.regex.Matcher m = failure.message() == null ? null : BUSINESS_BODY.matcher(failure.message());
        return m != null && m.find() && !String.valueOf(failure.httpStatus()).equals(m.group(1));
    }

    /**
     * What a proxy or gateway talks about when it answers {@code {"code":…,"message":…}} itself: its backend,
     * upstream, route or headers ({@code {"code":"PROXY_ERROR","message":"backend returned malformed JSON"}}). Such
     * a body on a 502/503 is the proxy's complaint, never the insurer's answer, whatever data-error words it holds.
     */
    static final Pattern PROXY_WORDS = Pattern.compile("(?i)backend|back-end|upstream|gateway|proxy|\\broute\\b"
            + "|header|网关|后端|上游|转发|路由");

    /**
     * A JSON body that opens with the downstream's own code and then its message, under the names insurers and
     * banks give them ({@code {"resultCode":"R4001","resultMsg":"…"}}, {@code {"errcode":1102,"errmsg":"…"}}): its
     * business answer, though the code pointer configured for it missed. Gateways' JSON pages do not open so
     * ({@code {"message":…}}, {@code {"fault":…}}, {@code {"statusCode":503,…}}; Huawei's APIG opens with
     * {@code "error_code"}, left out), and a code equal to the status is not taken for the downstream's.
     */
    static final Pattern BUSINESS_BODY = Pattern.compile("^\\s*\\{\\s*\"(?:code|resultCode|errorCode|errcode|errCode"
            + "|retCode|returnCode|respCode)\"\\s*:\\s*\"?([^\",{}\\[\\]]+?)\"?\\s*,\\s*\"(?:msg|message|resultMsg"
            + "|resultMessage|errorMsg|errorMessage|errmsg|errMsg|retMsg|returnMsg|respMsg)\"\\s*:");

    /**
     * A field's value breaks a stated constraint: the data-error words a retry hint cannot turn into a downstream
     * fault. The weaker data-error words ("无效", "缺失", "不一致", "invalid", "missing") also describe the
     * downstream's own state ("会话无效", "返回结果缺失", "缓存数据不一致", "Missing response from pricing engine"),
     * and with "请稍后重试" after them the downstream is saying it failed: those stay transient.
     */
    static final Rule FIELD_ERROR = messages("default.field-error", Category.INVALID_DATA,
            Stream.of(STATED_DATA_ERRORS), "格式错误", "格式不正确", "格式有误", "不能为空", "不可为空", "不允许为空",
            "必填", "is required", "are required", "must not be",
            "must be", "cannot be empty", "cannot be blank", "format error", "wrong format", "invalid input syntax for",
            "value larger than specified precision", "value too large for column", "would be truncated",
            "data too long for column");

    /**
     * A field's broken constraint in English words that {@link #FIELD_ERROR} cannot list: "invalid" or "not (a)
     * valid" said of a named field of the customer, the vehicle, the payment or the policy ({@link #FIELD_NOUNS},
     * perhaps after whose it is: "Invalid ID number", "invalid insured's date of birth", "'x' is not a valid
     * postcode", "The date of birth provided is invalid"). "Invalid" said of anything else — a session, a token, a
     * response, a state, the insurer's engine or an e-mail template — stays the downstream's own state, so "Invalid
     * session, please try again later" is still retried. Matched against the prose, lower case.
     */
    static final Pattern FIELD_INVALID = fieldInvalid();

    private static Pattern fieldInvalid() {
        String nouns = FIELD_NOUNS.stream().sorted((a, b) -> b.length() - a.length())
                .map(noun -> noun.replace(" ", "\\s+")).collect(Collectors.joining("|", "(?:", ")"));
        String whose = "(?:(?:insured|applicant|policyholder|proposer|customer|beneficiary|driver|owner|cardholder"
                + "|holder|vehicle|contact|payer)(?:'s)?\\s+)?";
        // the machinery that handles a field is not the field: "invalid phone number verification response",
        // "invalid postcode lookup result" say the check went wrong, not the number (an own probe after 1600089)
        String machinery = "template|server|service|system|gateway|provider|config|configuration|setting|session|token"
                + "|engine|response|result|results|reply|lookup|verification|validation|check|checker|checking"
                + "|decoder|api|interface|database|cache|backend|app";
        String notMachinery = "(?!\\s+(?:" + machinery + ")\\b)";
        String gap = "(?:\\s+(?!(?:" + machinery + ")\\b)[\\w'-]+){0,2}?";
        return Pattern.compile("\\binvalid\\s+" + whose + nouns + "\\b" + notMachinery
                + "|\\bnot\\s+a\\s+valid\\s+" + whose + "(?:" + nouns + "|value|date)\\b" + notMachinery
                + "|\\b" + nouns + gap + "\\s+(?:is|are)\\s+(?:invalid|not\\s+(?:a\\s+)?valid)\\b");
    }

    /**
     * Whether {@code rule}, having matched {@code failure}, gives way to the data error its message states, so a
     * data error is not retried for an hour. {@link #BUSY_MESSAGE} gives way when its words are only inside
     * identifiers: the message's prose ({@link #withoutIdentifiers}) has a data-error word ({@link #INVALID_MESSAGE})
     * and no busy word ("requestTimeout is missing" names a field, not a timeout). {@link #RETRY_HINT},
     * {@link #INTERNAL_FAULT} and {@link #DEPENDENCY_FAULT} give way only to a field's broken constraint
     * ({@link #FIELD_ERROR}: "身份证号码格式错误，请稍后重试"; {@link #FIELD_INVALID}: "Invalid ID number, please try again
     * later"), never to the weaker words a downstream uses of its own state ("报价引擎返回结果缺失，请稍后重试", "Invalid
     * session, please try again later" are retried): a transient failure
     * answered final loses the order, a data error retried costs bounded attempts. "SocketTimeoutException: Read
     * timed out" and "系统繁忙，请稍后重试" still say the downstream failed.
     */
    static boolean yieldsToDataError(Rule rule, Failure failure) {
        if (rule != BUSY_MESSAGE && rule != RETRY_HINT && rule != INTERNAL_FAULT && rule != DEPENDENCY_FAULT
                && rule != NOT_NOW) {
            return false;
        }
        String prose = RuleCondition.lowerCase(withoutIdentifiers(failure.message()));
        // "invalid" said of a field is weaker than a stated constraint: when the message also says the service that
        // checks it failed ("Address lookup service down: invalid postcode cannot be verified now"), it is retried
        boolean dataError = rule == BUSY_MESSAGE || rule == NOT_NOW ? INVALID_MESSAGE.matches(failure, prose)
                : FIELD_ERROR.matches(failure, prose)
                        || FIELD_INVALID.matcher(prose).find() && !DEPENDENCY_FAULT.matches(failure, prose);
        return dataError && !BUSY_MESSAGE.matches(failure, prose);
    }

    /**
     * {@code message} with every identifier blanked: a run of ASCII letters, digits and underscores that has an
     * underscore or a lower-case letter followed by an upper-case one ({@code requestTimeout}, {@code TimeoutSeconds},
     * {@code timeout_ms}). Words of prose ("Timeout", "timed out") and Chinese are kept.
     */
    static String withoutIdentifiers(String message) {
        StringBuilder prose = new StringBuilder(message);
        int i = 0;
        while (i < message.length()) {
            int start = i;
            boolean identifier = false;
            while (i < message.length() && isIdentifierChar(message.charAt(i))) {
                char ch = message.charAt(i);
                identifier |= ch == '_' || i > start && Character.isUpperCase(ch)
                        && Character.isLowerCase(message.charAt(i - 1));
                i++;
            }
            if (identifier) {
                for (int k = start; k < i; k++) {
                    prose.setCharAt(k, ' ');
                }
            }
            i = i == start ? i + 1 : i;
        }
        return prose.toString();
    }

    private static boolean isIdentifierChar(char ch) {
        return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_');
    }

    private DefaultRules() {
    }

    private static Rule kind(String id, FailureKind kind) {
        return new Rule(id, new RuleCondition(Set.of(kind), null, null, null, null), Category.TRANSIENT);
    }

    private static Rule statuses(String id, Category category, Set<Integer> statuses) {
        return new Rule(id, new RuleCondition(null, statuses, null, null, null), category);
    }

    private static Rule messages(String id, Category category, String... texts) {
        return new Rule(id, new RuleCondition(null, null, null, List.of(texts), null), category);
    }

    private static Rule messages(String id, Category category, Stream<String> more, String... texts) {
        return new Rule(id, new RuleCondition(null, null, null, Stream.concat(Stream.of(texts), more).toList(), null),
                category);
    }

    private static Set<Integer> serverStatuses() {
        return IntStream.concat(IntStream.of(408), IntStream.rangeClosed(500, 599)).boxed()
                .collect(Collectors.toUnmodifiableSet());
    }
}
