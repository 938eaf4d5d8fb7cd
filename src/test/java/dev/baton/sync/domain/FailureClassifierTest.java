package dev.baton.sync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    static Stream<Arguments> oneFailurePerDefaultRule() {
        return Stream.of(
                Arguments.of(Failure.of(FailureKind.TIMEOUT), "default.timeout", Category.TRANSIENT),
                Arguments.of(Failure.of(FailureKind.CONNECTION), "default.connection", Category.TRANSIENT),
                Arguments.of(http(429, null), "default.throttled-status", Category.THROTTLED),
                Arguments.of(code("1001", "请求过于频繁，请稍后再试"), "default.throttled-message", Category.THROTTLED),
                // an expired quote is fixed by quoting again, not by waiting: "已超时" here is not a timeout
                Arguments.of(code("Q001", "报价已超时，请重新报价"), "default.expired-message", Category.INVALID_DATA),
                // the time to pay ran out and the order is closed: a new order, not waiting, gets it through
                Arguments.of(code("PAY_CLOSED", "支付超时，订单已关闭"), "default.closed-message",
                        Category.INVALID_DATA),
                Arguments.of(code("Q-410", "Price has changed since quotation; re-quote required"),
                        "default.requote-message", Category.INVALID_DATA),
                Arguments.of(code("9999", "系统繁忙，请稍后重试"), "default.busy-message", Category.TRANSIENT),
                // a bare retry hint: the downstream asks to try again, so it is transient
                Arguments.of(code("E01", "请稍后重试"), "default.retry-hint-message", Category.TRANSIENT),
                Arguments.of(code("E01", "Unable to check eligibility at this time"), "default.not-now-message",
                        Category.TRANSIENT),
                Arguments.of(code("E02", "核心系统返回字段缺失"), "default.internal-fault", Category.TRANSIENT),
                // the ID check failed because the checking service did: not the ID's fault
                Arguments.of(code("E04", "证件号码校验失败（校验服务异常）"), "default.dependency-fault",
                        Category.TRANSIENT),
                Arguments.of(code("E03", "ORA-28000: the account is locked"), "default.database-login",
                        Category.UNKNOWN),
                Arguments.of(http(500, "Table 'policy' is read only"), "default.database-stalled",
                        Category.TRANSIENT),
                Arguments.of(http(500, "ORA-00018: maximum number of sessions exceeded"), "default.database-busy",
                        Category.TRANSIENT),
                Arguments.of(http(503, "no healthy upstream"), "default.gateway-status", Category.TRANSIENT),
                // a gateway page saying "Service Temporarily Unavailable" is labelled by its status, not its words
                Arguments.of(http(503, "503 Service Temporarily Unavailable"), "default.gateway-status",
                        Category.TRANSIENT),
                Arguments.of(http(404, "Not Found"), "default.setup-status", Category.UNKNOWN),
                Arguments.of(code("SIGN", "签名无效"), "default.auth-message", Category.UNKNOWN),
                // Baton's own account at the downstream (merchant, teller, branch, agency) is wrong: not the order's data
                Arguments.of(code("03", "Invalid merchant"), "default.setup-message", Category.UNKNOWN),
                Arguments.of(code("YBT3011", "柜员号B0231不存在"), "default.setup-message", Category.UNKNOWN),
                // the order may already have gone through: a human looks before anything is resent
                Arguments.of(code("K009", "保单已生成，不可重复投保"), "default.exists-message", Category.UNKNOWN),
                // cover of one person across policies over a limit: a refusal, not a rate limit
                // a bare generic failure says nothing decisive: a human looks
                Arguments.of(code("E500", "系统异常"), "default.vague-message", Category.UNKNOWN),
                Arguments.of(code("UW002", "累计保额超限"), "default.cumulative-limit-message", Category.REJECTED),
                // a count per time window or per day: waiting gets it through
                Arguments.of(code("TP10", "同一账户30秒内只能提交一次"), "default.throttled-count", Category.THROTTLED),
                Arguments.of(code("E100", "核保不通过：不符合投保条件"), "default.rejected-message",
                        Category.REJECTED),
                Arguments.of(http(400, "证件号码格式错误"), "default.invalid-message", Category.INVALID_DATA),
                Arguments.of(http(500, "Internal Server Error"), "default.server-status", Category.TRANSIENT),
                Arguments.of(http(422, "Unprocessable Entity"), "default.client-status", Category.INVALID_DATA));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneFailurePerDefaultRule")
    void defaultRule_classifiesItsFailure(Failure failure, String ruleId, Category category) {
        // given a failure the rule is meant for

        // when
        Classification byRules = FailureClassifier.classifyByRules(failure, List.of());
        Classification c = FailureClassifier.classify(failure, List.of());

        // then (the status-only rules come after the model, which may decide the same category first)
        assertEquals(new Classification(category, ruleId, RuleSource.DEFAULT, failure), byRules);
        assertEquals(category, c.category());
    }

    @Test
    void everyDefaultRule_isExercisedAbove() {
        // given
        Set<String> exercised = oneFailurePerDefaultRule().map(a -> (String) a.get()[1]).collect(Collectors.toSet());

        // when
        Set<String> ids = FailureClassifier.DEFAULT_RULES.stream().map(Rule::id).collect(Collectors.toSet());

        // then
        assertEquals(ids, exercised);
        assertEquals(27, FailureClassifier.DEFAULT_RULES.size());
    }

    @Test
    void downstreamRule_winsOverDefault() {
        // given an insurer whose "busy" code 9999 really means its validation failed
        Rule own = new Rule("acme.9999-is-invalid", condition(Set.of("9999"), null), Category.INVALID_DATA);
        Failure failure = code("9999", "系统繁忙，请稍后重试");

        // when
        Classification c = FailureClassifier.classify(failure, List.of(own));

        // then
        assertEquals(new Classification(Category.INVALID_DATA, "acme.9999-is-invalid", RuleSource.DOWNSTREAM,
                failure), c);
        assertFalse(c.asyncProcessing());
    }

    @Test
    void firstMatchingDownstreamRule_wins() {
        // given two rules that both match
        Rule first = new Rule("acme.first", condition(Set.of("E7"), null), Category.REJECTED);
        Rule second = new Rule("acme.second", condition(null, List.of("quota")), Category.THROTTLED);
        Failure failure = code("E7", "quota reached for this product");

        // when
        Classification c = FailureClassifier.classify(failure, List.of(first, second));

        // then
        assertEquals("acme.first", c.ruleId());
        assertEquals(Category.REJECTED, c.category());
    }

    @Test
    void nonMatchingDownstreamRules_fallThroughToDefaults() {
        // given
        Rule other = new Rule("acme.other", condition(Set.of("E7"), null), Category.REJECTED);

        // when
        Classification c = FailureClassifier.classify(Failure.of(FailureKind.TIMEOUT), List.of(other));

        // then
        assertEquals("default.timeout", c.ruleId());
        assertEquals(RuleSource.DEFAULT, c.source());
    }

    @Test
    void nothingMatching_isUnknownByTheFallbackWhenRulesAloneDecide() {
        // given a business code with a message no rule knows
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 409, "CF01", "状态冲突", Duration.ofSeconds(5));

        // when
        Classification c = FailureClassifier.classifyByRules(failure, List.of());

        // then
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure), c);
        assertTrue(c.asyncProcessing());
    }

    @Test
    void nothingMatching_asksTheModelWhichDecidesOnlyAtOrAboveTheThreshold() {
        // given a rejection phrased without any rule's keyword, and a model trained on the corpus's training split
        Failure failure = code("UW001", "高风险职业暂不受理");
        FailureModel model = FailureModel.shipped();
        ModelVerdict sure = model.proposeDecision(failure, 0.0);
        ModelVerdict unsure = model.proposeDecision(failure, 1.01);

        // when
        Classification confident = FailureClassifier.classify(failure, List.of(), model, 0.0);
        Classification doubtful = FailureClassifier.classify(failure, List.of(), model, 1.01);

        // then
        assertEquals(Category.REJECTED, sure.category());
        assertEquals(new Classification(Category.REJECTED, "model", RuleSource.MODEL, failure, sure), confident);
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure, unsure),
                doubtful);
        assertTrue(confident.reason().matches("model [01]\\.\\d\\d: .+"), confident.reason());
    }

    @Test
    void aBare5xx_whoseMessageTheModelReadsAsFinal_isDecidedByTheModelBeforeTheStatusRule() {
        // given a data error answered as HTTP 500, in words no rule knows
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 500, null,
                "{\"code\":\"PARAM_ERR\",\"msg\":\"被保险人性别与身份证号不符\"}", null);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category());
        assertEquals(RuleSource.MODEL, c.source());
        assertTrue(c.model().confidence() >= FailureClassifier.FINAL_THRESHOLD);
    }

    @Test
    void aBare5xx_thatTheModelDoesNotReadAsFinal_isTransientByTheStatusRule_withTheVerdictAttached() {
        // given
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 500, null, "Internal Server Error", null);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category());
        assertEquals("default.server-status", c.ruleId());
        assertEquals(RuleSource.DEFAULT, c.source());
        assertTrue(c.model() != null && c.model().category().asyncProcessing(), String.valueOf(c.model()));
    }

    @Test
    void aMatchingRule_decidesWithoutAskingTheModel() {
        // given
        Failure failure = code("9999", "系统繁忙，请稍后重试");

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(new Classification(Category.TRANSIENT, "default.busy-message", RuleSource.DEFAULT, failure), c);
        assertEquals("rule default.busy-message", c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"处理结果待确认 流水号20261202000001", "处理结果待确认", "承保结果未知，请联系保险公司核实",
            "交易状态未知", "Policy issuance pending confirmation", "Transaction status unknown, do not resubmit",
            "核保结论待定，暂不能出单"})
    void anAnswerWhoseOutcomeIsPending_isNeverFinal_withTheShippedModel(String message) {
        // given an answer that says the result is not known yet: the insurer may have accepted the order
        Failure failure = code("ERR-917", message);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then (on main before issue 17b the first was REJECTED by the model at 0.73)
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @Test
    void anAnswerWhoseOutcomeIsPending_isNeverFinal_evenWhenTheModelIsSureItIsARefusal() {
        // given a model that learnt "待确认" as a refusal, and a pending answer that also names a rejection keyword
        List<FailureCorpus.Case> taught = List.of(
                new FailureCorpus.Case(1, "t", code("E1", "处理结果待确认"), Category.REJECTED),
                new FailureCorpus.Case(2, "t", code("E1", "处理结果待确认 流水号20261202000009"), Category.REJECTED),
                new FailureCorpus.Case(3, "t", code("E2", "系统繁忙"), Category.TRANSIENT));
        FailureModel sureItIsRefused = FailureModel.train(taught);
        Failure pending = code("E1", "处理结果待确认 流水号20261202000001");
        Failure pendingWithKeyword = code("E3", "核保结果待确认，请勿重复投保");

        // when
        Classification byModel = FailureClassifier.classify(pending, List.of(), sureItIsRefused, 0.0, 0.6);
        Classification byKeyword = FailureClassifier.classify(pendingWithKeyword, List.of());
        Classification byRulesAlone = FailureClassifier.classifyByRules(pendingWithKeyword, List.of());

        // then
        assertEquals(Category.REJECTED, sureItIsRefused.propose(pending).category());
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, pending,
                byModel.model()), byModel);
        assertTrue(byKeyword.asyncProcessing(), byKeyword.reason());
        assertEquals(Category.UNKNOWN, byRulesAlone.category());
    }

    @Test
    void theStandInInsurersOddAnswer_isUnknownByTheFallback_forTheInbox() {
        // given the local stand-in insurer's "odd" answer (walkthrough step 8, the console's inbox test)
        Failure failure = code("ERR-917", "处理结果待确认");

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(Category.UNKNOWN, c.category());
        assertEquals(RuleSource.FALLBACK, c.source());
    }

    @Test
    void anAnswerWhoseOutcomeIsPending_isFinalOnlyByTheDownstreamsOwnRule() {
        // given an operator who knows that this insurer's "待确认" means a refusal
        Rule own = new Rule("acme.917-refused", condition(Set.of("ERR-917"), null), Category.REJECTED);
        Failure failure = code("ERR-917", "处理结果待确认");

        // when
        Classification c = FailureClassifier.classify(failure, List.of(own));

        // then
        assertEquals(new Classification(Category.REJECTED, "acme.917-refused", RuleSource.DOWNSTREAM, failure), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"系统繁忙，请稍后重新报价", "报价接口限流，请稍后重新报价", "交管平台响应超时，请稍后重新报价",
            "平台连接失败，请重新报价", "Rating engine unavailable, please re-quote",
            "Quotation service timeout, please re-quote later", "请求被熔断拒绝", "线程池已满，任务被拒绝",
            "Call declined: circuit open", "Invalid connection: connection pool exhausted",
            "The connection is invalid: connection reset by peer"})
    void busyThrottledOrOverloaded_isNeverFinal_evenWhenItAsksForANewQuoteOrSaysDeclined(String message) {
        // when
        Classification c = FailureClassifier.classify(code("Q05", message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"正在承保", "暂未承保，待核保人员审核", "待人工核保", "转核保审核", "该投保单需要上级审核",
            "Application under review by underwriting", "Application referred for manual underwriting",
            "Quote accepted, policy issuance queued", "需要用户输入支付密码 USERPAYING"})
    void underwritingOrPaymentStillInProgress_isNeverFinal(String message) {
        // when
        Classification c = FailureClassifier.classify(code("UW1", message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?????????", "ϵͳ\uFFFD\uFFFDæ", "\uFFFD\uFFFD\uFFFD\uFFFD"})
    void anUnreadableMessage_isNeverFinalByTheModel(String message) {
        // when
        Classification c = FailureClassifier.classify(code("E01", message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Proxy holder ID number is invalid",
            "Upstream vehicle registry: VIN does not match plate number"})
    void aDataErrorThatMentionsAProxyOrUpstream_isNotBusy(String message) {
        // when
        Classification c = FailureClassifier.classify(code("V1", message), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @Test
    void aRefusalOnA503_carryingTheDownstreamsCode_isARefusal() {
        // given what the connector keeps of {"code":"R003","msg":"该车辆出险次数过多，本公司不予续保"} on a 503
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 503, "R003", "该车辆出险次数过多，本公司不予续保", null);

        // when
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertEquals(new Classification(Category.REJECTED, "default.rejected-message", RuleSource.DEFAULT, failure),
                c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quotation number not found", "Quotation Q-1 has expired"})
    void aQuotation_isNotAQuota(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("Q1", message), List.of());

        // then
        assertNotEquals(Category.THROTTLED, c.category(), c.reason());
    }

    @Test
    void theDownstreamsOwnAnswerOnA503_isReadBeforeTheStatusDecides_aGatewayPageIsNot() {
        // given a business answer and a gateway page on a 503, and a model that never answers final
        // (the downstream's code pointer found its code, so the body is its own answer, not a proxy's)
        Failure dataError = new Failure(FailureKind.HTTP_STATUS, 503, "40012", "被保险人姓名含有非法字符", null);
        Failure quietAnswer = new Failure(FailureKind.HTTP_STATUS, 503, "X1", "龘龘", null);
        Failure page = http(503, "<html><head><title>503</title></head><body>龘龘</body></html>");

        // when
        Classification byMessage = FailureClassifier.classify(dataError, List.of());
        Classification afterModel = FailureClassifier.classify(quietAnswer, List.of(), FailureModel.shipped(), 1.01,
                0.6, 1.01);
        Classification pageByStatus = FailureClassifier.classify(page, List.of());

        // then: the data error is the downstream's verdict; the answer no rule or model places is still transient
        assertEquals(new Classification(Category.INVALID_DATA, "default.invalid-message", RuleSource.DEFAULT,
                dataError), byMessage);
        assertEquals("default.gateway-status", afterModel.ruleId());
        assertEquals(Category.TRANSIENT, afterModel.category());
        assertTrue(afterModel.model() != null, "the model was asked first");
        assertEquals(new Classification(Category.TRANSIENT, "default.gateway-status", RuleSource.DEFAULT, page),
                pageByStatus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":502,\"msg\":\"upstream sent invalid header while reading response\"}",
            "{\"error\":\"invalid_response\",\"message\":\"proxy could not parse the reply\"}",
            "{\"Message\":\"Invalid Lambda function response\"}",
            "{\"error\":{\"code\":\"OriginUnreachable\",\"message\":\"Request declined: origin is unreachable\"}}",
            "{\"code\":\"1001\",\"msg\":\"参数", "The request is invalid because"})
    void aGatewaysOwnAnswerOnA502_thatNamesAnInvalidOrDeclinedThing_isStillTransient(String body) {
        // when
        Classification c = FailureClassifier.classify(http(502, body), List.of());

        // then: never "fix your data" for a proxy's complaint
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Issuer or switch inoperative", "交管平台查询无响应", "Core system not responding"})
    void aSystemBehindTheDownstreamThatDoesNotAnswer_isTransient(String message) {
        // when
        Classification c = FailureClassifier.classify(code("91", message), List.of());

        // then
        assertEquals(new Classification(Category.TRANSIENT, "default.busy-message", RuleSource.DEFAULT,
                code("91", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"核心系统返回格式错误", "核心系统响应报文缺失", "核心返回报文格式有误",
            "Core system returned a malformed response"})
    void aMalformedOrMissingReplyFromTheDownstreamsCore_isTransient_notTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(code("C500", message), List.of());

        // then: "格式错误" and "缺失" describe the downstream's own reply, not a field the customer sent
        assertEquals(new Classification(Category.TRANSIENT, "default.busy-message", RuleSource.DEFAULT,
                code("C500", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"请求报文中缺少必要节点applicant", "JSON报文解析异常：证件号码格式错误"})
    void aRequestTheDownstreamCouldNotRead_isStillTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("E1070", message), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORA-00018: maximum number of sessions exceeded", "ORA-00018: 超出最大会话数",
            "ORA-00020: maximum number of processes (300) exceeded",
            "ORA-12519, TNS:no appropriate service handler found",
            "SQLSTATE[08006] [7] FATAL: sorry, too many clients already",
            "FATAL: remaining connection slots are reserved for non-replication superuser connections "
                    + "(SQLSTATE 53300)",
            "Data source rejected establishment of connection, message from server: \"Too many connections\"",
            "ORA-01555: snapshot too old: rollback segment number 9 with name \"_SYSSMU9$\" too small",
            "ORA-01000: maximum open cursors exceeded", "ORA-01578: ORACLE data block corrupted (file # 7, block # 1)",
            "ORA-04068: existing state of packages has been discarded",
            "ORA-00054: resource busy and acquire with NOWAIT specified or timeout expired",
            // the third outside tester: the model read the first as a rate limit
            "ORA-02391: exceeded simultaneous SESSIONS_PER_USER limit",
            "ORA-02396: exceeded maximum idle time, please connect again", "ORA-00028: your session has been killed",
            "ORA-01012: not logged on", "ORA-00257: archiver error. Connect internal only, until freed.",
            "User 'nb_app' has exceeded the 'max_user_connections' resource (current value: 50)"})
    void aDatabaseOutOfSessionsOrConnections_isTransient(String message) {
        // when: as a 200 with the insurer's code and as a bare 500 (the model alone read the first as a data error)
        Classification byCode = FailureClassifier.classify(code("DB01", message), List.of());
        Classification on500 = FailureClassifier.classify(http(500, message), List.of());

        // then
        assertEquals("default.database-busy", byCode.ruleId());
        assertEquals(Category.TRANSIENT, byCode.category());
        assertEquals("default.database-busy", on500.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORA-01017: invalid username/password; logon denied", "ORA-28001: the password has expired",
            "Access denied for user 'nb_app'@'10.0.3.7' (using password: YES)"})
    void theInsurersDatabaseRefusingItsOwnAccount_isUnknown_notTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(code("DB02", message), List.of());

        // then: neither the customer's data nor Baton's keys; probed, then a human looks
        assertEquals(new Classification(Category.UNKNOWN, "default.database-login", RuleSource.DEFAULT,
                code("DB02", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"乐观锁冲突，请重新提交", "并发冲突，请重新提交", "Deadlock found when trying to get lock",
            "Lock wait timeout exceeded; try restarting transaction"})
    void aLockConflictInsideTheDownstream_isTransient(String message) {
        // when
        Classification c = FailureClassifier.classify(code("LK01", message), List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORA-12899: value too large for column \"NB\".\"T_APPLICANT\".\"ADDRESS\"",
            "ORA-01400: cannot insert NULL into (\"NB\".\"T_INSURED\".\"BIRTH_DATE\")",
            "ERROR: value too long for type character varying(20) (SQLSTATE 22001)", "ORA-000180",
            "ORA-02290: check constraint (NB.CK_INSURED_GENDER) violated", "ORA-023910"})
    void aDatabaseErrorAboutAValue_isNotADatabaseOutage(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(http(500, message), List.of());

        // then
        assertNotEquals("default.database-busy", c.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"requestTimeout is missing", "field timeoutSeconds must not be null",
            "timeout_ms must be a positive integer", "参数ReadTimeout格式错误", "maintenanceWindowId is invalid"})
    void aBusyWordInsideAFieldName_ofADataError_isTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(code("E400", message), List.of());

        // then: the field is named "...Timeout", nothing timed out
        assertEquals(new Classification(Category.INVALID_DATA, "default.invalid-message", RuleSource.DEFAULT,
                code("E400", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "Read timed out", "超时", "java.net.SocketTimeoutException: Read timed out",
            "java.net.SocketTimeoutException", "Timeout: the request is invalid after 30 s",
            "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"lock_timeout\"}}"})
    void aBusyWordInProse_orInAnIdentifierOfAMessageStatingNoDataError_isStillTransient(String message) {
        // when
        Classification c = FailureClassifier.classify(code("E504", message), List.of());

        // then
        assertEquals(new Classification(Category.TRANSIENT, "default.busy-message", RuleSource.DEFAULT,
                code("E504", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"身份证号码格式错误，请稍后重试", "手机号码不能为空，请稍后再试",
            "Date of birth must be a past date, please try again later",
            // the third outside tester: "证件号码格式错误，请稍后重试" was final but this one was retried
            "Invalid ID number, please try again later", "Invalid phone number, please try again later",
            "Invalid insured's date of birth, please retry later",
            "'110101199003078888' is not a valid ID number, please try again later",
            "The date of birth provided is invalid, please try again later", "IBAN is not valid, please retry later",
            "Invalid phone number format, please try again later"})
    void aDataErrorWithARetryHintAppended_isTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(code("E2", message), List.of());

        // then: retrying the same data an hour long would not fix it
        assertEquals(new Classification(Category.INVALID_DATA, "default.invalid-message", RuleSource.DEFAULT,
                code("E2", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"系统繁忙，请稍后重试", "交管平台查询超时，请稍后再试", "请稍后重试",
            "Service temporarily unavailable, please try again later", "网络异常，报文格式错误，请稍后重试"})
    void aRetryHintWithABusyWordOrAlone_isStillTransient(String message) {
        // when
        Classification c = FailureClassifier.classify(code("E3", message), List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"报价引擎返回结果缺失，请稍后重试", "缓存数据不一致，请稍后重试", "会话无效，请稍后重试",
            "渠道配置缺失，请稍后重试", "Missing response from pricing engine, please try again later",
            "Session invalid, please try again later", "Cannot obtain JDBC connection: pool is invalid, try later",
            // "invalid" said of the downstream's or Baton's own things, not of a field of the order
            "Invalid session, please try again later", "Invalid session ID, please try again later",
            "Invalid state of underwriting engine, please retry", "Invalid email template, please try again later",
            "Session is not a valid session, please try again later",
            "Mobile app version is invalid, please try again later",
            // the machinery that checks a field, or a field that could not be checked because that machinery failed
            "Invalid phone number verification response, please retry",
            "invalid postcode lookup result, retry in a moment",
            "Address lookup service down: invalid postcode cannot be verified now, try again later",
            "ID number validation result is invalid, please try again later"})
    void theDownstreamsOwnStateWithARetryHint_isRetried_notTakenForTheOrdersData(String message) {
        // when: "缺失", "不一致", "无效", "missing", "invalid" here describe the downstream, not a field
        Classification c = FailureClassifier.classify(code("E4", message), List.of());

        // then: answered final, the order would be lost; retried, a data error costs bounded attempts
        assertEquals(new Classification(Category.TRANSIENT, "default.retry-hint-message", RuleSource.DEFAULT,
                code("E4", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"数据库会话无效", "数据库异常：无效的会话", "核心系统返回字段缺失", "调用下游接口返回非法数据",
            "保费计算服务返回无效结果", "系统内部数据不一致", "Missing response from rating engine",
            "java.sql.SQLException: Invalid state, the Connection object is closed.",
            "Invalid DB session, please retry", "Invalid session, please try again shortly",
            "数据库会话无效，请稍候再试", "Missing rate table, please resubmit later"})
    void theDownstreamNamingItsOwnMachineryOrAskingForARetry_isRetried(String message) {
        // when: an outside tester's answers that gave the order up (INVALID_DATA) on "无效", "缺失", "invalid"
        Classification c = FailureClassifier.classify(code("E5", message), List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invalid token, please try again later", "Invalid name or password, please try again later",
            "Invalid merchant account number, please try again later",
            "Invalid response from core system, please try again later"})
    void anInvalidThingThatIsNotAFieldOfTheOrder_withARetryHint_isNeverFinal(String message) {
        // when: credentials, Baton's account at the downstream, the downstream's reply
        Classification c = FailureClassifier.classify(code("E4", message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Internal Server Error: missing bean 'rateService'",
            "org.springframework.beans.factory.NoSuchBeanDefinitionException: No qualifying bean of type 'RateService'",
            "org.apache.ibatis.binding.BindingException: Invalid bound statement (not found): "
                    + "com.insurer.mapper.PolicyMapper.insert",
            "java.lang.NullPointerException: null", "java.lang.ClassNotFoundException: com.insurer.uw.RuleV2",
            "java.lang.NoSuchMethodError: com.insurer.core.Policy.getRiskLevel()",
            "java.lang.NullPointerException: missing rate for product P01",
            "java.lang.ClassNotFoundException: com.insurer.validation.InvalidDataHandler",
            "java.lang.NoSuchFieldError: INVALID_ID"})
    void theDownstreamsProgramBroken_onA500_isTransient_notTheOrdersData(String message) {
        // when: the third outside tester's bare 500s; "missing" and "invalid" name a part of the insurer's program
        Classification c = FailureClassifier.classify(http(500, message), List.of());

        // then: the guide's 5xx with a stack trace and no business meaning
        assertEquals(new Classification(Category.TRANSIENT, "default.internal-fault", RuleSource.DEFAULT,
                http(500, message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.IllegalArgumentException: Invalid ID number",
            "java.lang.NumberFormatException: For input string: \"12O00\"",
            "java.time.format.DateTimeParseException: Text '2026-02-30' could not be parsed",
            "Bean Validation failed: insured.idNo must not be null",
            "org.postgresql.util.PSQLException: ERROR: invalid input syntax for type date: \"31/11/2027\"",
            "java.sql.SQLException: ORA-01438: value larger than specified precision allowed for this column",
            "SqlException (0x80131904): String or binary data would be truncated in table 'dbo.Insured'"})
    void aValueTheCallerSentThatCouldNotBeParsedOrValidated_onA500_isStillTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(http(500, message), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"证件号码校验失败（校验服务异常）", "证件号码校验失败：校验服务调用失败", "身份核验失败，公安接口异常",
            "被保险人身份校验失败（核验系统故障）", "ID verification failed: verification service error",
            "Identity check failed (KYC provider exception)"})
    void aValidationThatFailedBecauseTheCheckingServiceDid_isTransient(String message) {
        // when: the ID check failed because the service doing the check failed (the third outside tester)
        Classification c = FailureClassifier.classify(code("E7", message), List.of());

        // then: a system the downstream depends on failed (guide, question 1), the ID may be right
        assertEquals(new Classification(Category.TRANSIENT, "default.dependency-fault", RuleSource.DEFAULT,
                code("E7", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"证件号码校验失败（校验服务不可用）", "证件号码校验失败：验证服务超时",
            "ID verification failed (verification service unavailable)", "Address lookup service is down"})
    void aValidationThatFailedBecauseTheCheckingServiceWasDownOrSlow_isTransient(String message) {
        // when: the busy words say it already
        Classification c = FailureClassifier.classify(code("E7", message), List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"证件号码校验失败", "证件号码校验失败：与公安系统信息不一致", "公安系统比对失败，姓名与证件号码不一致",
            "实名认证失败：姓名与身份证号不匹配", "ID verification failed", "证件号码格式错误（校验服务异常）",
            "Identity verification failed: name does not match ID number"})
    void aValidationThatFailedOnTheData_isStillTheOrdersData(String message) {
        // when: no checking service named as failing, or a field's broken constraint stated beside it
        Classification c = FailureClassifier.classify(code("E8", message), List.of());

        // then
        assertEquals(new Classification(Category.INVALID_DATA, "default.invalid-message", RuleSource.DEFAULT,
                code("E8", message)), c);
    }

    @Test
    void theDownstreamsMachineryRelayingAFieldsBrokenConstraint_isStillTheOrdersData() {
        // when
        Classification c = FailureClassifier.classify(code("E6", "核心系统返回：证件号码不能为空"), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @Test
    void aBusinessLimitOnTheCustomer_isFinal_notARateLimit() {
        // given
        Failure card = code("61", "Card daily limit exceeded");
        Failure person = code("UW12", "同一被保险人投保份数超过限制");

        // when
        Classification byCard = FailureClassifier.classify(card, List.of());
        Classification byPerson = FailureClassifier.classify(person, List.of());

        // then: another card gets through (data); the person already holds what the insurer allows (refusal)
        assertEquals(new Classification(Category.INVALID_DATA, "default.invalid-message", RuleSource.DEFAULT, card),
                byCard);
        assertEquals(new Classification(Category.REJECTED, "default.cumulative-limit-message", RuleSource.DEFAULT,
                person), byPerson);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate limit exceeded", "请求过于频繁", "调用次数超过限制", "too many requests",
            "quota exceeded", "同一投保人请求过于频繁", "Aggregate API rate limit exceeded"})
    void aRateLimit_isStillThrottled(String message) {
        // when
        Classification c = FailureClassifier.classify(code("L1", message), List.of());

        // then
        assertEquals(Category.THROTTLED, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"同一手机号1分钟内仅允许获取一次", "本接口5秒内只允许调用一次", "今日报价次数已达上限",
            "渠道本月出单笔数已超出配额", "Only one payment every 60 seconds per card", "Limit: 20 requests per second",
            "同一投保人手机号5分钟内最多发起2次投保申请"})
    void aCountPerTimeWindowOrPerDay_isThrottled(String message) {
        // when
        Classification c = FailureClassifier.classify(code("L2", message), List.of());

        // then
        assertEquals(Category.THROTTLED, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"同一被保险人本年投保次数已达上限", "超过银行卡单日支付限额", "保单生效后30天内仅允许退保一次",
            "Maximum of 3 policies per customer exceeded", "投保后30天内最多退保1次"})
    void aPersonsCountACardsAmountOrAProductsRule_isNotACountLimit(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("L3", message), List.of());

        // then
        assertNotEquals("default.throttled-count", c.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Payment processor error. Try again in a moment.", "Gateway hiccup, please retry in a minute",
            "Could not reach the bank; try again in an hour"})
    void aRetryHintWithADelay_isTransient(String message) {
        // when
        Classification c = FailureClassifier.classify(code("P1", message), List.of());

        // then
        assertEquals(Category.TRANSIENT, c.category(), c.reason());
    }

    @Test
    void aFieldsBrokenConstraintWithADelayedRetryHint_isStillTheOrdersData() {
        // when
        Classification c = FailureClassifier.classify(code("P2", "Invalid card number, try again in a moment"),
                List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"申请已转人工审核，请等待结果", "该单已转人工处理", "Payment taken but issuance failed, manual intervention needed"})
    void handedToAHuman_isAPendingOutcome(String message) {
        // when
        boolean pending = DefaultRules.outcomePending(RuleCondition.lowerCase(message));

        // then
        assertTrue(pending);
        assertTrue(FailureClassifier.classify(code("H1", message), List.of()).asyncProcessing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"智能核保未通过，建议转人工核保", "人工核保不通过：既往病史"})
    void aRefusalThatOnlyMentionsAHuman_isNotPending(String message) {
        // when
        boolean pending = DefaultRules.outcomePending(RuleCondition.lowerCase(message));

        // then
        assertFalse(pending);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Outcome not available - the carrier acknowledged receipt only",
            "Debit sent to the bank; no acknowledgement received yet", "A decision will follow within 3 working days",
            "Risk on hold and awaiting underwriter approval", "Case under medical underwriting; tests booked",
            "Result not yet returned by the carrier"})
    void anAcknowledgementOnlyOrADecisionStillToCome_isAPendingOutcome(String message) {
        // when
        boolean pending = DefaultRules.outcomePending(RuleCondition.lowerCase(message));

        // then: the carrier may still accept the order
        assertTrue(pending);
        assertTrue(FailureClassifier.classify(code("P1", message), List.of()).asyncProcessing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Traveller is awaiting surgery: travel insurance cannot be offered until after treatment",
            "Application postponed by medical underwriting", "Coverage option not available for the selected plan"})
    void aFactOfTheRiskOrARefusalByTheUnderwriters_isNotPending(String message) {
        // when
        boolean pending = DefaultRules.outcomePending(RuleCondition.lowerCase(message));

        // then
        assertFalse(pending);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"applicationId\":\"APP-000913\",\"decision\":{\"sta", "{\"code\":\"E77\",\"mess",
            "<?xml version=\"1.0\"?><TXLife><TXLifeResponse><TransResult><ResultCode>0001</ResultCode><ResultInfo>",
            "<ACORD><MsgStatus><MsgStatusCd>Rejected</MsgStatusCd><ExtendedStatusDesc>Refe",
            "{\"resultCode\":\"UW5\",\"resultMessage\":\"核"})
    void aBodyCutBeforeItsWords_isNeverFinalByTheModel(String message) {
        // then
        assertTrue(FailureClassifier.cutBeforeItsWords(message));
        assertTrue(FailureClassifier.classify(code(null, message), List.of()).asyncProcessing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":\"U2031\",\"message\":\"被保险人年龄超过本产品最高投保年龄，不予承",
            "{\"transaction\":{\"status\":\"declined\",\"failure_code\":\"insufficient_fun",
            "<Response><Result>DECLINE</Result><Reason>Occupation 'offshore diver' is not acceptab",
            "{\"code\":\"E1\",\"msg\":\"x\"}", "<Response><Result>DECLINE</Result></Response>",
            "<html><head><title>502 Bad Gatew", "Applicant declined"})
    void aBodyWhoseWordsArrivedOrThatIsWhole_isStillRead(String message) {
        // then
        assertFalse(FailureClassifier.cutBeforeItsWords(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quote timed out - please obtain a new quote", "Quote session timed out; please re-rate",
            "保费试算结果有效期为30分钟，已超时，请重新试算", "Exceeds withdrawal frequency limit"})
    void anExpiredQuoteOrACardsWithdrawalLimit_isTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("Q6", message), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quote service timed out, please try again", "试算服务超时，请稍后重试",
            "SQLException: the Connection object is closed"})
    void aQuotingServiceOrDatabaseThatTimedOutOrFailed_isStillRetried(String message) {
        // when
        Classification c = FailureClassifier.classify(http(500, message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "502|{\"resultCode\":\"R4001\",\"resultMsg\":\"投保人为失信被执行人，不予承保\"}|REJECTED",
            "503|{\"errcode\":1102,\"errmsg\":\"车架号在车型库中未找到匹配车型，请录入车型代码\"}|INVALID_DATA",
            "503|{\"code\":\"UW_DECLINE\",\"message\":\"Risk declined by underwriter\"}|REJECTED",
            "502|{\"code\":\"E1002\",\"msg\":\"发动机号不能为空\"}|INVALID_DATA"})
    void aBusinessCodeAndMessageOnA502Or503_isTheDownstreamsAnswer(int status, String body, Category expected) {
        // when: no code pointer found the code, but the body opens with it and its message
        Classification c = FailureClassifier.classify(http(status, body), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"502|{\"message\":\"Invalid Lambda function response\"}",
            "503|{\"code\":503,\"message\":\"Service Unavailable: invalid upstream\"}",
            "502|{\"error_code\":\"APIG.0203\",\"error_msg\":\"Backend domain name resolution failed\"}",
            "502|{\"statusCode\":502,\"message\":\"Invalid response received\"}"})
    void aGatewaysOwnJsonOnA502Or503_isStillTransientByItsStatus(int status, String body) {
        // when
        Classification c = FailureClassifier.classify(http(status, body), List.of());

        // then
        assertFalse(DefaultRules.businessAnswer(http(status, body)), body);
        assertEquals(new Classification(Category.TRANSIENT, "default.gateway-status", RuleSource.DEFAULT,
                http(status, body)), c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "502|{\"code\":\"PROXY_ERROR\",\"message\":\"Request rejected: backend returned malformed JSON\"}",
            "502|{\"code\":\"GW-4002\",\"message\":\"Missing required header X-Backend\"}",
            "502|{\"code\":\"BAD_GATEWAY\",\"message\":\"Invalid upstream response: missing field status\"}",
            "502|{\"code\":\"E502\",\"msg\":\"后端服务返回数据格式错误\"}",
            "503|{\"code\":\"40001\",\"message\":\"Route not found\"}",
            "502|{\"retCode\":\"9999\",\"retMsg\":\"网关转发失败\"}"})
    void aProxysOwnCodeAndMessageOnA502Or503_goesByItsStatus(int status, String body) {
        // when: a proxy answering {"code":…,"message":…} about its backend, route or headers
        Classification c = FailureClassifier.classify(http(status, body), List.of());

        // then: not the insurer's answer, whatever data-error words it holds
        assertFalse(DefaultRules.businessAnswer(http(status, body)), body);
        assertEquals(new Classification(Category.TRANSIENT, "default.gateway-status", RuleSource.DEFAULT,
                http(status, body)), c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "502|{\"code\":\"GATEWAY_TIMEOUT\",\"message\":\"Upstream request timed out\"}",
            "503|{\"code\":500,\"msg\":\"服务暂时不可用，请稍后再试\"}",
            "503|{\"code\":429,\"message\":\"Blocked by Sentinel (flow limiting)\"}",
            "502|{\"code\":\"B0001\",\"msg\":\"系统执行出错\"}",
            "503|{\"code\":\"C0001\",\"message\":\"调用第三方服务出错\"}",
            "503|{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"No instances available for policy-service\"}",
            "502|{\"errcode\":-1,\"errmsg\":\"system error\"}",
            "503|{\"code\":\"DEGRADED\",\"message\":\"Request rejected by circuit breaker\"}",
            "503|{\"returnCode\":\"E99\",\"returnMsg\":\"核心系统无响应\"}",
            "503|{\"code\":\"QUOTA\",\"message\":\"Rejected: insufficient quota for route\"}"})
    void aServiceFrameworksEnvelopeOnA502Or503_isNeverFinal(int status, String body) {
        // when: the code-and-message envelope a gateway or framework may send itself
        Classification c = FailureClassifier.classify(http(status, body), List.of());

        // then: retried or reviewed, never given up
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Underwriter unable to support: contractor's backlog too high relative to net worth|REJECTED",
            "Without EDR deployed across the estate we are not in a position to quote|REJECTED",
            "Flagged by AML monitoring; the company has decided not to proceed with this application|REJECTED",
            "Gateway unable to support TLS 1.0|UNKNOWN",
            "Underwriter unable to support right now: rating service timed out|TRANSIENT"})
    void theLondonMarketsDeclines_areRefusals_butNotAGatewaysOrAServicesTrouble(String message, Category expected) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("L1", message), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"交易流水号重复", "请求流水号已被使用", "该保单已开具电子发票", "员工已存在于本期参保名单",
            "If-None-Match precondition failed for resource /orders/77", "支付订单号已使用"})
    void aSerialSeenBeforeAnIssuedDocumentOrAFailedConditionalRequest_mayHaveGoneThrough(String message) {
        // when
        Classification c = FailureClassifier.classify(code("D1", message), List.of());

        // then
        assertEquals(new Classification(Category.UNKNOWN, "default.exists-message", RuleSource.DEFAULT,
                code("D1", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"该被保险人当日已有一笔同产品订单支付成功", "该订单已支付，请勿重复支付",
            "该车本次投保已在我司见费出单生成商业险保单，请勿重复投保",
            "This PaymentIntent could not be updated because it has a status of succeeded.",
            "Charge ch_1 has already been captured"})
    void alreadyPaidOrAPolicyGeneratedForThisApplication_mayHaveGoneThrough(String message) {
        // when
        Classification c = FailureClassifier.classify(code("D3", message), List.of());

        // then
        assertEquals(new Classification(Category.UNKNOWN, "default.exists-message", RuleSource.DEFAULT,
                code("D3", message)), c);
    }

    @Test
    void insuredWithUsOrElsewhereWithoutThisApplicationsPolicy_staysARefusal() {
        // when
        Classification withUs = FailureClassifier.classifyByRules(code("D4", "该车辆已在我司投保，不可重复投保"), List.of());
        Classification elsewhere = FailureClassifier.classifyByRules(code("D4", "该车已在其他保险公司投保，重复投保"),
                List.of());

        // then
        assertEquals(Category.REJECTED, withUs.category(), withUs.reason());
        assertEquals(Category.REJECTED, elsewhere.category(), elsewhere.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"投保单号重复使用，请生成新的投保单号", "人员清单第3行与第9行证件号码重复", "发票抬头未开具，请补充"})
    void aDuplicateInsideTheOrdersData_isNotAnIssuedOrder(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("D2", message), List.of());

        // then
        assertNotEquals("default.exists-message", c.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"请求头缺少sign字段", "Missing signature header X-Sign", "商家账号被冻结",
            "Your key balance is depleted. Please top up your key to continue", "Invalid template ID.",
            "Occupation code table 2024 is retired; the integration must be moved to the 2026 table",
            "The change you wanted was rejected. Maybe you tried to change something you didn't have access to."})
    void batonsOwnRequestAccountOrIntegration_isItsSetup_notTheOrdersData(String message) {
        // when
        Classification c = FailureClassifier.classify(new Failure(FailureKind.HTTP_STATUS, 400, "S3", message, null),
                List.of());

        // then
        assertEquals(Category.UNKNOWN, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"投保人签名缺失", "银行卡已冻结，请更换银行卡", "Insufficient balance on the customer's card",
            "Occupation code is invalid", "Refusal by the debtor (reason not specified by customer)"})
    void theCustomersSignatureCardOrCodeOrAReasonGiven_isNotBatonsSetupNorVague(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("S4", message), List.of());

        // then
        assertFalse(Set.of("default.auth-message", "default.setup-message", "default.vague-message")
                .contains(c.ruleId()), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"收款方商户状态异常", "收款方账户未开通代收业务"})
    void theCollectingAccount_isBatonsSetup(String message) {
        // when
        Classification c = FailureClassifier.classify(code("S1", message), List.of());

        // then
        assertEquals(Category.UNKNOWN, c.category(), c.reason());
    }

    @Test
    void aRefundToTheCustomersAccount_isStillTheOrdersData() {
        // when
        Classification c = FailureClassifier.classifyByRules(code("S2", "退费收款账号与开户名不一致"), List.of());

        // then
        assertEquals(Category.INVALID_DATA, c.category(), c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"处理失败", "【系统错误】", "An unexpected error occurred.", "Operation failed (17)",
            "业务异常！", "Unable to process your request", "业务校验不通过", "Reason not specified", "交易失败"})
    void aBareGenericFailure_isUnknown(String message) {
        // when
        Classification c = FailureClassifier.classify(code("V1", message), List.of());

        // then
        assertEquals(new Classification(Category.UNKNOWN, "default.vague-message", RuleSource.DEFAULT,
                code("V1", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"处理失败：证件号码格式错误", "系统异常，被保险人年龄超出投保范围，不予承保",
            "Operation failed: date of birth is invalid", "业务校验不通过：被保险人证件号码格式错误"})
    void aGenericFailureThatSaysWhy_isNotVague(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("V2", message), List.of());

        // then
        assertNotEquals("default.vague-message", c.ruleId());
        assertFalse(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"同一被保险人在本团单清单中重复出现", "购买份数超过本产品上限5份"})
    void aPersonOrAProductMaximumWithoutALimitAcrossPolicies_isNotACumulativeLimit(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("E7", message), List.of());

        // then
        assertNotEquals("default.cumulative-limit-message", c.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"支付超时，订单已关闭", "订单超时关闭", "Payment timed out; order has been closed"})
    void anOrderClosedBecauseTheTimeToPayRanOut_isFinal_thoughItSaysTimedOut(String message) {
        // when
        Classification c = FailureClassifier.classify(code("PAY_CLOSED", message), List.of());

        // then
        assertEquals(new Classification(Category.INVALID_DATA, "default.closed-message", RuleSource.DEFAULT,
                code("PAY_CLOSED", message)), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"订单已关闭", "支付超时", "支付超时，订单已关闭，支付结果待确认", "Connection closed: read timed out"})
    void anOrderClosedWithoutSayingWhy_aPaymentTimeoutOrAClosedConnection_isNeverFinal(String message) {
        // when: a bare "订单已关闭" may have been closed because it was paid
        Classification c = FailureClassifier.classify(code("PAY_CLOSED", message), List.of());

        // then
        assertTrue(c.asyncProcessing(), c.category() + " " + c.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"车架号LFV2A21K8D4123456已存在未生效保单，起保日期需晚于2026-12-31", "请勿重复提交，证件号码格式错误"})
    void aMessageThatOnlyMentionsAnExistingPolicyOrResubmitting_isNotAnAlreadyIssuedOrder(String message) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("E1088", message), List.of());

        // then
        assertNotEquals("default.exists-message", c.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"单证处理中心：被保险人证件号码格式错误", "处理中心拒保"})
    void aProcessingCentre_isNotAPendingOutcome(String message) {
        // when
        boolean pending = DefaultRules.outcomePending(RuleCondition.lowerCase(message));

        // then
        assertFalse(pending);
        assertFalse(FailureClassifier.classifyByRules(code("E1", message), List.of()).asyncProcessing());
    }

    @Test
    void aBareCode_isNeverFinalByTheModel() {
        // given a model that learnt code UW999 as a refusal, and the same code without a message
        FailureModel model = FailureModel.train(List.of(
                new FailureCorpus.Case(1, "t", code("UW999", "拒保"), Category.REJECTED),
                new FailureCorpus.Case(2, "t", code("UW999", "拒绝"), Category.REJECTED),
                new FailureCorpus.Case(3, "t", code("S1", "繁忙"), Category.TRANSIENT)));
        Failure bare = code("UW999", null);

        // when
        Classification c = FailureClassifier.classify(bare, List.of(), model, 0.0, 0.6);

        // then
        assertTrue(c.asyncProcessing(), c.reason());
    }

    @Test
    void anExplicitRefusal_onA403_isARefusal() {
        // given
        Failure failure = new Failure(FailureKind.HTTP_STATUS, 403, "UW403", "核保不通过", null);

        // when
        Classification c = FailureClassifier.classifyByRules(failure, List.of());

        // then
        assertEquals("default.rejected-message", c.ruleId());
    }

    @Test
    void a5xxTheModelFindsFinalLooking_butNotFinal_isUnknownNotTransient() {
        // given a model taught that a JSON body on a 500 is usually a data error, and one it is unsure about
        FailureModel model = FailureModel.train(List.of(
                new FailureCorpus.Case(1, "t", http(500, "{\"msg\":\"证件号码错\"}"), Category.INVALID_DATA),
                new FailureCorpus.Case(2, "t", http(500, "{\"msg\":\"起保日期错\"}"), Category.INVALID_DATA),
                new FailureCorpus.Case(3, "t", http(500, "Internal Server Error"), Category.TRANSIENT),
                new FailureCorpus.Case(4, "t", http(500, "Internal Server Error!"), Category.TRANSIENT)));
        Failure failure = http(500, "{\"msg\":\"保单\"}");
        double finalProbability = model.decide(failure, 2).finalProbability();

        // when: above the review threshold, below the final threshold
        Classification c = FailureClassifier.classify(failure, List.of(), model, 1.01, 0.6, finalProbability);
        Classification noReview = FailureClassifier.classify(failure, List.of(), model, 1.01, 0.6, 1.01);

        // then
        assertEquals(new Classification(Category.UNKNOWN, "fallback", RuleSource.FALLBACK, failure, c.model()), c);
        assertEquals("default.server-status", noReview.ruleId());
    }

    @Test
    void missingFailure_isRefused() {
        // when / then
        assertThrows(IllegalArgumentException.class, () -> FailureClassifier.classify(null, List.of()));
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void category_isAsyncExactlyForTransientThrottledAndUnknown(Category category) {
        // given
        boolean expected = Set.of(Category.TRANSIENT, Category.THROTTLED, Category.UNKNOWN).contains(category);

        // when
        boolean async = category.asyncProcessing();

        // then
        assertEquals(expected, async);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a fourth outside tester's retryable answers that were given up (11 confirmed by real syncs)
            "200|0008|Missing ack from core system; please resend",
            "400|E_LIMIT|Too many calls: 61 in the last minute (limit 60)",
            "502|INVALID_UPSTREAM|Invalid data received from upstream",
            "200|G06|并发更新冲突，请重新发送",
            "400|ProvisionedThroughputExceededException|The level of configured provisioned throughput was exceeded",
            "500||Invalid JSON returned by internal service",
            "200|E940|Could not verify VIN: vehicle registry unreachable",
            "500||soap:Server Invalid Server State",
            "200|8001|错误：内部服务响应不一致",
            "500|MISSING_DEPENDENCY|Required service policy-core is missing from registry",
            "200|G16|Missing heartbeat from core engine; request not processed",
            "200|G17|Invalid gateway response",
            "400|RequestLimitExceeded|Request limit exceeded.",
            "400|TooManyRequests|Exceeded 100 calls",
            "400|TransactionConflict|Transaction is ongoing for the item",
            "400|LOCK|Record is locked, try again",
            "200|V1|版本号冲突，请重新提交",
            "400|SlowDown|Please reduce your request rate.",
            "200|E12|Address validation service returned error 500",
            "200|Q1|保费试算失败：费率表加载中",
            "200|Q2|报价引擎错误",
            "200|M1|消息队列发送失败",
            "200|9085|幂等校验失败：相同请求正在处理",
            // phrasings of our own for the same kinds
            "200|C1|上游系统响应超长，未返回结果", "400|C2|Payment processor reports too many calls, slow down",
            "200|C3|Quote record is locked by another session"})
    void theDownstreamsOwnTroubleOrALimitPerWindow_isNeverFinal(int status, String code, String message) {
        // when
        Failure failure = status == 200 ? code(code, message)
                : new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
        Classification c = FailureClassifier.classify(failure, List.of());

        // then: answered final, the order would be lost
        assertTrue(c.category().asyncProcessing(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a platform down for a release, a dependency answering 5xx, a gateway's own fault, a late response
            "200|OFF|Placement platform offline for release 3.2; submissions reopen 14:00 CET",
            "200|V5|VIN decode service answered 502; vehicle could not be rated",
            "500||{\"message\": \"Execution failed due to configuration error: Malformed Lambda proxy response\"}",
            "200|68|Response received too late",
            // card declines that ask for the same card again (Stripe's decline codes)
            "402||{\"error\":{\"code\":\"card_declined\",\"decline_code\":\"reenter_transaction\","
                    + "\"message\":\"Your card was declined.\"}}",
            "402||{\"error\":{\"code\":\"card_declined\",\"decline_code\":\"try_again_later\","
                    + "\"message\":\"Your card was declined.\"}}"})
    void anOutageADependencysFaultOrADeclineAskingToRetry_isNeverFinal(int status, String code, String message) {
        // when
        Failure failure = status == 200 ? code(code, message)
                : new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
        Classification c = FailureClassifier.classify(failure, List.of());

        // then
        assertTrue(c.category().asyncProcessing(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Knock-out question Q12 (bankruptcy in the last 6 years) answered Yes: declined|REJECTED",
            "VIN decode failed: VIN is invalid|INVALID_DATA",
            "{\"decline_code\":\"insufficient_funds\",\"message\":\"Your card was declined.\"}|REJECTED",
            "Malformed postcode|INVALID_DATA"})
    void aRefusalOrADataErrorBesideThoseWords_staysFinal(String message, Category expected) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("N2", message), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "证件号码格式错误|INVALID_DATA", "验证码已过期，请重新发送|INVALID_DATA", "核保不通过|REJECTED",
            "Applicant date of birth is invalid|INVALID_DATA", "被保险人职业类别超出承保范围|REJECTED",
            // a SOAP Server fault carrying a refusal stays a refusal: insurers use it for their answers too
            "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>核保结论：拒保</faultstring></soap:Fault>|REJECTED"})
    void aDataErrorOrRefusalNearThoseWords_staysFinal(String message, Category expected) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("N1", message), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a fifth outside tester: a decline or refusal word with a stated transient cause
            "200|E1000|Declined: could not reach card issuer", "503|E5030|Declined - acquirer host down",
            "200|E1000|Transaction declined - retry", "503|GW018|Request declined: overflow",
            "200|P96|The bank declined the payment due to a temporary problem",
            "200|E1000|Unable to offer terms at present - system outage", "200|E5002|请求被拒绝：系统负载过高",
            "200|E1000|调用被拒绝：令牌桶已空", "200|P102|支付被拒：通道临时关闭",
            "200|E1000|Declined due to technical error",
            // "invalid", "非法", "无效" said of infrastructure, not of a field
            "503|GW009|Invalid cluster: no endpoints available", "502|GW034|Invalid destination: DNS resolution failed",
            "503|GW011|Invalid service instance", "503|GW031|Invalid provider address",
            "502|GW003|Invalid target endpoint: no ready endpoints", "503|GW030|无效的服务地址",
            "503|GW029|非法请求：服务未注册", "500||JDBC connection invalid, retry", "500||Invalid cursor state",
            "500||Invalid transaction state: rollback required",
            "500||java.sql.SQLRecoverableException: IO Error: Invalid Packet Lenght",
            "200|E1000|Invalid state: service is starting up", "200|E1000|Invalid sequence state, retry",
            "200|E1000|Invalid session state, please try again",
            // unable now, or asked for the same request again
            "200|E1000|Unable to quote at this moment due to technical issue",
            "200|E1000|Unable to check eligibility at this time", "200|E1000|Unable to verify identity at this time",
            "200|E3001|Unable to validate policy at this time", "200|E1000|Cannot verify policy right now",
            "200|E1000|Not able to issue the policy right now due to a technical issue",
            "200|E1000|Outside of business hours - submissions accepted from 08:00 GMT",
            "500||Table 'policy' is read only", "500|DB_ERROR|ORA-25408: can not safely replay call",
            "500||SQLSTATE 55P03: could not obtain lock on row in relation \"proposal\"",
            "200|E1000|Lease expired, retry", "200|E1000|Request expired in queue, please resubmit",
            "200|E1000|Please resubmit the request",
            "200|AP16|Request could not be completed. Please resubmit the same request.",
            "200|E1000|Request not completed, please send the same request again",
            "200|E1000|Not eligible at this time: eligibility engine offline",
            "200|E1000|Not able to quote at this moment due to system issue"})
    void aFifthTestersRetryableAnswers_areNeverFinal(int status, String code, String message) {
        // when
        Failure failure = status == 200 ? code(code, message)
                : new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
        Classification c = FailureClassifier.classify(failure, List.of());

        // then: answered final, the order would be lost
        assertTrue(c.category().asyncProcessing(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a fifth outside tester: pending, whatever else is said
            "200|P015|Proposal accepted for underwriting; outcome to be advised", "200|2012|承保确认中，请勿重复投保",
            "503|E5030|承保确认中，请勿重复投保",
            // Baton's own credentials expired
            "200|AUTH_EXPIRED|Session expired, please re-authenticate",
            "200|E1000|Your session has expired. Please log in again.",
            "200|E1000|Signature expired, please re-sign and resubmit", "200|E1000|Request timestamp expired",
            "200|SIGN_EXPIRED|签名已过期，请重新签名后重试", "200|E2000|令牌过期，请刷新后重试", "200|E2000|会话已过期",
            "200|E2000|时间戳过期", "200|E2000|无效的会话，请重新发起", "200|E2000|请求已过期，请重新发起"})
    void aPendingOutcomeOrAnExpiredCredential_isNeverFinal(int status, String code, String message) {
        // when
        Failure failure = status == 200 ? code(code, message)
                : new Failure(FailureKind.HTTP_STATUS, status, code, message, null);
        Classification c = FailureClassifier.classify(failure, List.of());

        // then: answered final, the order would be lost
        assertTrue(c.category().asyncProcessing(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // real declines and refusals
            "Declined: high risk occupation|REJECTED", "Card declined: do not honour|REJECTED", "拒保：既往症|REJECTED",
            "We are unable to offer terms at this time|REJECTED", "Unable to quote: risk outside appetite|REJECTED",
            // data errors with a retry or resubmit hint, expired quotes and codes
            "Invalid ID number, please resubmit|INVALID_DATA", "证件号码格式错误，请重新提交|INVALID_DATA",
            "Date of birth is required - retry|INVALID_DATA", "Quote expired, please re-quote|INVALID_DATA",
            "验证码已过期，请重新获取|INVALID_DATA", "Quote session expired|INVALID_DATA",
            "Invalid state code: XX|INVALID_DATA", "Invalid postcode|INVALID_DATA"})
    void aRealDeclineOrADataErrorBesideTheFifthTestersWords_staysFinal(String message, Category expected) {
        // when
        Classification c = FailureClassifier.classifyByRules(code("N3", message), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a fifth outside tester: a Java exception class in front of a database's data error
            "org.postgresql.util.PSQLException: ERROR: value too long for type character varying(18)|INVALID_DATA",
            "java.sql.SQLException: ERROR: null value in column \"id_no\" violates not-null constraint|INVALID_DATA",
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement; nested exception is "
                    + "ORA-01400: cannot insert NULL into (\"UW\".\"PROPOSAL\".\"BIRTH_DATE\")|INVALID_DATA",
            "java.sql.SQLException: Column 'insured_name' cannot be null|INVALID_DATA",
            "org.postgresql.util.PSQLException: Incorrect string value: '\\xF0\\x9F' for column 'remark'|INVALID_DATA",
            "com.microsoft.sqlserver.jdbc.SQLServerException: Conversion failed when converting date and/or time from "
                    + "character string|INVALID_DATA",
            "ORA-02291: integrity constraint (UW.FK_PRODUCT) violated - parent key not found|INVALID_DATA",
            "Insufficient funds - please retry with another payment method|INVALID_DATA",
            // Baton's own setup, answered like a data error
            "Missing required header: X-Partner-Id|UNKNOWN", "Content-Type header must be application/json|UNKNOWN",
            "The API version 2019-06-01 is no longer supported|UNKNOWN",
            "The plain HTTP request was sent to HTTPS port|UNKNOWN",
            // near misses: the database itself failing stays transient
            "java.sql.SQLException: ORA-00018: maximum number of sessions exceeded|TRANSIENT",
            "java.sql.SQLException: the Connection object is closed|TRANSIENT"})
    void aDatabasesDataErrorBehindAnExceptionClass_isTheOrdersData_andTheCallsSetup_isUnknown(String message,
            Category expected) {
        // when
        Classification c = FailureClassifier.classify(http(500, message), List.of());

        // then
        assertEquals(expected, c.category(), c.reason());
    }

    private static Failure http(int status, String message) {
        return new Failure(FailureKind.HTTP_STATUS, status, null, message, null);
    }

    private static Failure code(String code, String message) {
        return new Failure(FailureKind.DOWNSTREAM_CODE, 200, code, message, null);
    }

    private static RuleCondition condition(Set<String> codes, List<String> contains) {
        return new RuleCondition(null, null, codes, contains, null);
    }
}
