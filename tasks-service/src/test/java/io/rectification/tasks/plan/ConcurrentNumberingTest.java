package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.PlainHttp;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.tasks.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two officers adding to the same part of the plan at the same moment (and an escalated feedback's
 * problem arriving meanwhile) each get the next number: areas within an inspection, problems within
 * an area, tasks within a problem are numbered in order with no gap and no number twice, and no
 * request fails for the other's sake.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ConcurrentNumberingTest {

    private static final String CLERK = TestTokens.allStaff("测试人员");
    private static final int AT_ONCE = 6;

    @Test
    void areasAddedAtOnceAreNumberedOneAfterAnother() throws Exception {
        String inspection = Fixtures.inspection();
        assertNumberedInTurn(created(() -> PlainHttp.request("POST", "/inspections/" + inspection + "/areas")
                .bearer(CLERK).body("application/json", "{\"title\":\"方面\"}").send()));
    }

    @Test
    void problemsAddedAtOnceAreNumberedOneAfterAnother() throws Exception {
        String area = Fixtures.area(Fixtures.inspection(), "推进管理机制改革不彻底");
        assertNumberedInTurn(created(() -> PlainHttp.request("POST", "/areas/" + area + "/problems")
                .bearer(CLERK).body("application/json", "{\"title\":\"问题\",\"description\":\"反馈意见原文\"}").send()));
    }

    @Test
    void tasksAddedAtOnceAreNumberedOneAfterAnother() throws Exception {
        String problem = Fixtures.freshProblem();
        String task = Fixtures.taskJson("任务", "2099-12-31", "TIME_BOUND", "");
        assertNumberedInTurn(created(() -> PlainHttp.request("POST", "/problems/" + problem + "/tasks")
                .bearer(CLERK).body("application/json", task).send()));
    }

    private interface Request {
        PlainHttp.Answer send();
    }

    /** The numbers of what {@link #AT_ONCE} requests sent together made; each must have been 201. */
    private static List<Integer> created(Request request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<PlainHttp.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.send();
                }));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<PlainHttp.Answer> answer : sent) {
                PlainHttp.Answer a = answer.get();
                assertEquals(201, a.status(), a.body());
                numbers.add(a.json().path("number").asInt());
            }
            return numbers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNumberedInTurn(List<Integer> numbers) {
        assertEquals(IntStream.rangeClosed(1, AT_ONCE).boxed().toList(), numbers.stream().sorted().toList());
    }
}
