package dev.commerce.platform.messaging.inbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a batch's events of a type handled together are applied: gathered, yet in order per aggregate. */
class BatchStepsTest {

    private static final Set<String> TOGETHER = Set.of("placed");

    @Test
    void events_of_a_type_handled_together_are_gathered_at_the_first_of_them() {
        List<List<IncomingEvent>> steps = BatchSteps.of(List.of(
                event("1", "confirmed", "a"), event("2", "placed", "b"), event("3", "confirmed", "c"),
                event("4", "placed", "d"), event("5", "cancelled", "e"), event("6", "placed", "f")), TOGETHER::contains);

        assertThat(ids(steps)).containsExactly(List.of("1"), List.of("2", "4", "6"), List.of("3"), List.of("5"));
    }

    @Test
    void an_event_never_moves_before_an_earlier_event_of_its_aggregate() {
        List<List<IncomingEvent>> steps = BatchSteps.of(List.of(
                event("1", "placed", "a"), event("2", "cancelled", "b"), event("3", "placed", "b"),
                event("4", "placed", "c"), event("5", "placed", "a")), TOGETHER::contains);

        // 3 follows 2 of its aggregate b, 5 follows 1 of its aggregate a: both stay where they are
        assertThat(ids(steps)).containsExactly(List.of("1", "4"), List.of("2"), List.of("3"), List.of("5"));
    }

    @Test
    void the_same_subject_on_another_topic_is_another_aggregate_and_an_event_without_subject_stays_in_place() {
        List<List<IncomingEvent>> steps = BatchSteps.of(List.of(
                event("1", "placed", "a"), event("2", "cancelled", "x", "other.v1"), event("3", "placed", "x"),
                event("4", "placed", null), event("5", "placed", "y")), TOGETHER::contains);

        assertThat(ids(steps)).containsExactly(List.of("1", "3", "5"), List.of("2"), List.of("4"));
    }

    @Test
    void without_types_handled_together_the_batch_keeps_its_order_one_event_per_step() {
        List<List<IncomingEvent>> steps = BatchSteps.of(List.of(
                event("1", "placed", "a"), event("2", "confirmed", "a"), event("3", "placed", "b")), type -> false);

        assertThat(ids(steps)).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    private static List<List<String>> ids(List<List<IncomingEvent>> steps) {
        return steps.stream().map(step -> step.stream().map(IncomingEvent::id).toList()).toList();
    }

    private static IncomingEvent event(String id, String type, String subject) {
        return event(id, type, subject, "order.v1");
    }

    private static IncomingEvent event(String id, String type, String subject, String topic) {
        return new IncomingEvent(id, type, "test", subject, 0, null, "{}", Map.of(), topic, 0, Long.parseLong(id));
    }
}
