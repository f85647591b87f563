package org.hopscape.analysis;

import org.hopscape.table.PortableTable;
import tech.tablesaw.api.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A test engine for master "serial-reverse": runs the batches last to first, each on a copy of the task that went
 * through Java serialisation, and its tables through {@link PortableTable} and serialisation back, as a distributed
 * engine would; so the core tests check without Spark that tasks are serialisable and that the rows, their order and
 * the checkpoint do not depend on the engine or on the order in which batches finish.
 */
public final class SerialEngineProvider implements SweepEngine.Provider {
    static final String MASTER = "serial-reverse";
    static volatile int batchesRun;

    @Override
    public boolean accepts(String master) {
        return MASTER.equals(master);
    }

    @Override
    public SweepEngine open(String master) {
        return new SweepEngine() {
            @Override
            public String describe() {
                return MASTER;
            }

            @Override
            public void run(String sweep, List<int[]> batches, Sweep.BatchTask unit, int threads, Completion done) {
                RuntimeException failure = null;
                for (int j = batches.size() - 1; j >= 0; j--) {
                    Sweep.BatchTask copy = (Sweep.BatchTask) roundTrip(unit);
                    List<Table> tables;
                    try {
                        tables = copy.apply(batches.get(j).clone(), 1);
                    } catch (RuntimeException e) {
                        if (failure == null) failure = e;
                        continue;
                    }
                    batchesRun++;
                    List<Table> back = new ArrayList<>();
                    for (Table t : tables) back.add(((PortableTable) roundTrip(PortableTable.of(t))).toTable());
                    done.accept(j, back);
                }
                if (failure != null) throw failure;
            }
        };
    }

    static Object roundTrip(Object o) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("not serialisable: " + e, e);
        }
    }
}
