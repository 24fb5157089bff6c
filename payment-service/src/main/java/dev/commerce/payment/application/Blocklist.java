package dev.commerce.payment.application;

import dev.commerce.payment.domain.BlocklistEntry;
import dev.commerce.payment.persistence.BlocklistRepository;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Managing the fraud blocklist; each method is one transaction. */
@ApplicationScoped
@Transactional
public class Blocklist {

    private static final Logger LOG = Logger.getLogger(Blocklist.class);

    private final BlocklistRepository entries;
    private final Clock clock;

    public Blocklist(BlocklistRepository entries, Clock clock) {
        this.clock = clock;
        this.entries = entries;
    }

    public BlocklistEntry add(BlocklistEntry.Kind kind, String value, String reason, String admin) {
        if (entries.contains(kind, kind.normalise(value))) {
            throw ProblemException.conflict("already-blocked", kind + " " + kind.normalise(value) + " is already blocked");
        }
        BlocklistEntry entry = new BlocklistEntry(kind, value, reason, admin, Instant.now(clock));
        entries.persistAndFlush(entry);
        LOG.infof("Blocked %s %s (entry %s)", kind, kind == BlocklistEntry.Kind.EMAIL ? "(e-mail)" : entry.value(), entry.id());
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BlocklistEntry get(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("blocklist entry", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BlocklistEntry> list(PageParams page) {
        return Page.fromLookahead(entries.page(TimeAndIdPosition.decode(page), page.limit + 1), page.limit,
                entry -> new TimeAndIdPosition(entry.createdAt(), entry.id()).cursor());
    }

    public void remove(UUID id) {
        entries.delete(get(id));
    }
}
