package dev.commerce.catalog.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product or category id of every document, per segment, read once from the id's doc values and kept until the
 * segment closes. A segment's documents never change their numbers (deletions only hide them), so one array serves
 * every searcher that shares the segment. Opening the doc values for each search allocated more than the rest of a
 * suggestion (bench/catalog/REPORT.md), and those allocations drove the garbage collections behind its p99.
 */
final class SegmentIds {

    private static final UUID[] NONE = new UUID[0];

    private final Map<IndexReader.CacheKey, UUID[]> bySegment = new ConcurrentHashMap<>();

    /** The ids of the hits, in the hits' order (null for a document without one). */
    UUID[] of(IndexReader reader, ScoreDoc[] hits) {
        List<LeafReaderContext> leaves = reader.leaves();
        UUID[] ids = new UUID[hits.length];
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            UUID[] segment = of(leaf.reader());
            int doc = hits[i].doc - leaf.docBase;
            ids[i] = doc < segment.length ? segment[doc] : null;
        }
        return ids;
    }

    private UUID[] of(LeafReader segment) {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) { // not a segment of this index's own (a wrapped reader): nothing to key it on
            return read(segment);
        }
        UUID[] cached = bySegment.get(core.getKey());
        if (cached != null) {
            return cached;
        }
        return bySegment.computeIfAbsent(core.getKey(), key -> {
            core.addClosedListener(bySegment::remove);
            return read(segment);
        });
    }

    private static UUID[] read(LeafReader segment) {
        try {
            SortedDocValues values = DocValues.getSorted(segment, IndexFields.ID);
            if (segment.maxDoc() == 0) {
                return NONE;
            }
            UUID[] ids = new UUID[segment.maxDoc()];
            for (int doc = values.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                ids[doc] = UUID.fromString(values.lookupOrd(values.ordValue()).utf8ToString());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("the ids of a search index segment could not be read", e);
        }
    }
}
