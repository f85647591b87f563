package org.hopscape.util;

import java.nio.file.Path;

/** Test helper process: takes the lock given as the first argument, says "locked", and waits to be killed. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        LockFile lock = LockFile.acquire(Path.of(args[0]), "test lock");
        System.out.println("locked " + LockFile.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
