package org.khidmat.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Centres installed side by side (a home and a loopback port each, {@code KHIDMAT_NODE} set to its name) over ONE
 * SQLite database file, as the nodes of one install behind a balancer. They start in order, each after the one
 * before printed its ready line (the first creates the database), and stop in the reverse order.
 */
public final class Nodes implements AutoCloseable {
    private final Path database;
    private final List<Centre> nodes;

    private Nodes(Path database, List<Centre> nodes) {
        this.database = database;
        this.nodes = nodes;
    }

    /**
     * Installs a home per name, {@code <folder>/<name>}, each over {@code <folder>/shared/khidmat.db}; nothing starts
     * yet, so a test can still prepare a home or set variables.
     */
    public static Nodes overOneFile(Path folder, String... names) throws IOException {
        Path database = Files.createDirectories(folder.resolve("shared")).resolve("khidmat.db");
        List<Centre> nodes = new ArrayList<>();
        for (String name : names) {
            nodes.add(Centre.install(folder.resolve(name)).env("KHIDMAT_NODE", name).sharing(database));
        }
        return new Nodes(database, List.copyOf(nodes));
    }

    /** The node at {@code index}, counted from 0 in the order of the names given. */
    public Centre get(int index) {
        return nodes.get(index);
    }

    /** The file every node's store names. */
    public Path database() {
        return database;
    }

    /** Sets an environment variable for every node's next starts. */
    public Nodes env(String name, String value) {
        nodes.forEach(n -> n.env(name, value));
        return this;
    }

    /** Starts every node in order, each once the one before is ready. */
    public Nodes start() throws IOException, InterruptedException {
        for (Centre n : nodes) {
            n.start();
        }
        return this;
    }

    /** Stops every running node, the last started first. */
    @Override
    public void close() throws InterruptedException {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }
}
