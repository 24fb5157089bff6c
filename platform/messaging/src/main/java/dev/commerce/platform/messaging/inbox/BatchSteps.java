package dev.commerce.platform.messaging.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The steps in which one transaction applies a poll's events when the consumer handles some types together: the
 * events of such a type are gathered at the place of the first of them, so their handler sees them as one list.
 * An event whose aggregate (its topic and {@code ce_subject}) had an earlier event in the batch stays in its place,
 * after that one: events of one aggregate keep their order, and those of different aggregates have none a consumer
 * may rely on (they may as well arrive on different partitions). An event without a subject is never moved.
 */
final class BatchSteps {

    private BatchSteps() {
    }

    /** The events in steps, in the order to apply them; a step of a type {@code together} accepts may hold several. */
    static List<List<IncomingEvent>> of(List<IncomingEvent> events, Predicate<String> together) {
        List<List<IncomingEvent>> steps = new ArrayList<>();
        Map<String, List<IncomingEvent>> gathered = new HashMap<>();
        Set<String> aggregatesSeen = new HashSet<>();
        for (IncomingEvent event : events) {
            String aggregate = event.subject() == null ? null : event.topic() + "/" + event.subject();
            boolean movable = aggregate != null && !aggregatesSeen.contains(aggregate);
            if (movable && together.test(event.type())) {
                gathered.computeIfAbsent(event.type(), type -> {
                    List<IncomingEvent> step = new ArrayList<>();
                    steps.add(step);
                    return step;
                }).add(event);
            } else {
                steps.add(List.of(event));
            }
            if (aggregate != null) {
                aggregatesSeen.add(aggregate);
            }
        }
        return steps;
    }
}
