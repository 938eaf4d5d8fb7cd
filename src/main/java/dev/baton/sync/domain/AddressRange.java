package dev.baton.sync.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of IP address a downstream endpoint may never reach, with the ranges that define them
 * (IANA special-purpose registries). IPv6 forms that carry an IPv4 address — mapped {@code ::ffff:a.b.c.d},
 * compatible {@code ::a.b.c.d}, SIIT {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::/96} and
 * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} — are judged by the IPv4 address they carry.
 */
public enum AddressRange {
    /** 0.0.0.0/8 and {@code ::}: "this host"; connecting to it reaches the local machine. */
    UNSPECIFIED("unspecified", "0.0.0.0/8, ::"),
    /** 127.0.0.0/8 and {@code ::1}; allowed only with the local opt-in. */
    LOOPBACK("loopback", "127.0.0.0/8, ::1"),
    /** 169.254.0.0/16 and fe80::/10: instance metadata (169.254.169.254) and container credentials (169.254.170.2). */
    LINK_LOCAL("link-local", "169.254.0.0/16, fe80::/10"),
    /** RFC 1918, CGNAT, unique-local and site-local: the function's own network (fd00:ec2::254 is metadata). */
    PRIVATE("private", "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7, fec0::/10"),
    /** 224.0.0.0/4 and ff00::/8. */
    MULTICAST("multicast", "224.0.0.0/4, ff00::/8"),
    /** 255.255.255.255 and the reserved 240.0.0.0/4. */
    BROADCAST("broadcast", "240.0.0.0/4, 255.255.255.255"),
    /** IETF protocol assignments, documentation and benchmarking ranges: never a real insurer. */
    RESERVED("reserved", "192.0.0.0/24, 192.0.2.0/24, 198.18.0.0/15, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32");

    private final String rule;
    private final String ranges;

    AddressRange(String rule, String ranges) {
        this.rule = rule;
        this.ranges = ranges;
    }

    /** The rule's name in answers, e.g. {@code link-local}. */
    public String rule() {
        return rule;
    }

    /** The ranges, for messages and docs. */
    public String ranges() {
        return ranges;
    }

    /** The forbidden kind {@code address} (4 or 16 bytes) belongs to, or empty for a public address. */
    public static Optional<AddressRange> of(byte[] address) {
        if (address.length == 4) {
            return ipv4(Byte.toUnsignedInt(address[0]), Byte.toUnsignedInt(address[1]),
                    Byte.toUnsignedInt(address[2]), Byte.toUnsignedInt(address[3]));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return embeddedIpv4(address).map(AddressRange::of).orElseGet(() -> ipv6(address));
    }

    private static Optional<AddressRange> ipv4(int a, int b, int c, int d) {
        if (a == 0) {
            return Optional.of(UNSPECIFIED);
        }
        if (a == 127) {
            return Optional.of(LOOPBACK);
        }
        if (a == 169 && b == 254) {
            return Optional.of(LINK_LOCAL);
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64
                && b <= 127)) {
            return Optional.of(PRIVATE);
        }
        if (a >= 224 && a <= 239) {
            return Optional.of(MULTICAST);
        }
        if (a >= 240) {
            return Optional.of(BROADCAST);
        }
        if ((a == 192 && b == 0 && (c == 0 || c == 2)) || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return Optional.of(RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<AddressRange> ipv6(byte[] a) {
        int first = Byte.toUnsignedInt(a[0]);
        int second = Byte.toUnsignedInt(a[1]);
        boolean zeroTo14 = Arrays.equals(a, 0, 15, new byte[15], 0, 15);
        if (zeroTo14 && a[15] == 0) {
            return Optional.of(UNSPECIFIED);
        }
        if (zeroTo14 && a[15] == 1) {
            return Optional.of(LOOPBACK);
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of(LINK_LOCAL);
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return Optional.of(PRIVATE);
        }
        if (first == 0xff) {
            return Optional.of(MULTICAST);
        }
        if (first == 0x20 && second == 0x01 && a[2] == 0x0d && Byte.toUnsignedInt(a[3]) == 0xb8) {
            return Optional.of(RESERVED);
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries by a well-known translation, if any. */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        boolean zeroTo9 = Arrays.equals(a, 0, 10, new byte[10], 0, 10);
        int word5 = (Byte.toUnsignedInt(a[10]) << 8) | Byte.toUnsignedInt(a[11]);
        int word4 = (Byte.toUnsignedInt(a[8]) << 8) | Byte.toUnsignedInt(a[9]);
        boolean compatible = zeroTo9 && word5 == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0);
        boolean mapped = zeroTo9 && word5 == 0xffff;
        boolean siit = Arrays.equals(a, 0, 8, new byte[8], 0, 8) && word4 == 0xffff && word5 == 0;
        // 64:ff9b::/96 and the local-use 64:ff9b:1::/48 both carry the IPv4 address in the last four bytes
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && Byte.toUnsignedInt(a[2]) == 0xff
                && Byte.toUnsignedInt(a[3]) == 0x9b;
        if (compatible || mapped || siit || nat64) {
            return Optional.of(Arrays.copyOfRange(a, 12, 16));
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(a, 2, 6));
        }
        return Optional.empty();
    }
}
