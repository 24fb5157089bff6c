package dev.commerce.order.domain.saga;

import java.util.List;

/** The state after an event and the effects to carry out (none when the event changed nothing). */
public record Transition(SagaState state, List<SagaEffect> effects) {

    public Transition {
        effects = List.copyOf(effects);
    }

    static Transition unchanged(SagaState state) {
        return new Transition(state, List.of());
    }

    public boolean changed(SagaState before) {
        return !state.equals(before) || !effects.isEmpty();
    }
}
