package dev.commerce.catalog.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids read from the segments' arrays stay right across segments, deletions, merges and documents without an id. */
class SegmentIdsTest {

    private final SegmentIds ids = new SegmentIds();

    @Test
    void answersEachHitsIdInTheHitsOrderAcrossSegmentsDeletionsAndMerges() throws IOException {
        List<UUID> first = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<UUID> second = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            first.forEach(id -> add(writer, id));
            writer.commit();
            second.forEach(id -> add(writer, id));
            writer.addDocument(new Document()); // a stock level: no id
            writer.commit();

            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.leaves()).hasSize(2);
                assertThat(idsOfAll(reader)).containsExactly(first.get(0), first.get(1), second.get(0), second.get(1),
                        second.get(2), null);
                // the hits' order, not the documents'
                TopDocs reversed = new IndexSearcher(reader).search(new MatchAllDocsQuery(), 10,
                        new Sort(new SortField(null, SortField.Type.DOC, true)));
                assertThat(ids.of(reader, reversed.scoreDocs)).containsExactly(null, second.get(2), second.get(1),
                        second.get(0), first.get(1), first.get(0));
            }

            writer.deleteDocuments(new Term(IndexFields.ID, first.get(0).toString()));
            writer.forceMerge(1);
            writer.commit();
            try (DirectoryReader merged = DirectoryReader.open(writer)) {
                assertThat(merged.leaves()).hasSize(1);
                assertThat(Arrays.asList(idsOfAll(merged))).containsExactlyInAnyOrder(first.get(1), second.get(0),
                        second.get(1), second.get(2), null);
            }
        }
    }

    private UUID[] idsOfAll(DirectoryReader reader) throws IOException {
        TopDocs all = new IndexSearcher(reader).search(new MatchAllDocsQuery(), 10, Sort.INDEXORDER);
        return ids.of(reader, all.scoreDocs);
    }

    private static void add(IndexWriter writer, UUID id) {
        Document document = new Document();
        document.add(new StringField(IndexFields.ID, id.toString(), Field.Store.NO));
        document.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id.toString())));
        try {
            writer.addDocument(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
