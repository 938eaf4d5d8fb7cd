package dev.baton.bare;

import io.quarkus.funqy.Funq;

/** The whole bare app: answers a greeting. */
public class Hello {

    /** A name in, a greeting out (JSON both ways, through funqy like Baton's functions). */
    @Funq("hello")
    public String hello(String name) {
        return "hello " + name;
    }
}
