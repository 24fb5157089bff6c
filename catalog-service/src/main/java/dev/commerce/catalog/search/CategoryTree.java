package dev.commerce.catalog.search;

import dev.commerce.catalog.domain.listing.ListedCategory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The category tree as the read side knows it, for filters that take a category with everything below it. */
record CategoryTree(Map<UUID, List<UUID>> children) {

    static CategoryTree of(Collection<ListedCategory> categories) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        categories.forEach(category -> {
            if (category.parentId() != null) {
                children.computeIfAbsent(category.parentId(), parent -> new ArrayList<>()).add(category.id());
            }
        });
        return new CategoryTree(children);
    }

    /** The ids (as text) of the category and all categories below it. */
    Set<String> subtree(UUID root) {
        Set<String> ids = new HashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID category = pending.pop();
            if (ids.add(category.toString())) {
                pending.addAll(children.getOrDefault(category, List.of()));
            }
        }
        return ids;
    }
}
