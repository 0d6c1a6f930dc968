package ecsvpce.core.network;

import java.util.Optional;

/** An IPv4 CIDR block, for the containment checks security group rules need. */
public record Cidr(long network, int prefixLength) {

    /** Parses {@code a.b.c.d/n}; empty for IPv6 or anything malformed. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String[] octets = parts[0].split("\\.");
        if (octets.length != 4) {
            return Optional.empty();
        }
        try {
            long address = 0;
            for (String octet : octets) {
                int value = Integer.parseInt(octet);
                if (value < 0 || value > 255) {
                    return Optional.empty();
                }
                address = (address << 8) | value;
            }
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > 32) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(address & mask(prefix), prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether every address of {@code inner} lies in this block. */
    public boolean contains(Cidr inner) {
        return prefixLength <= inner.prefixLength && (inner.network & mask(prefixLength)) == network;
    }

    /** Whether the block {@code outer} contains the block {@code inner}; false if either is not IPv4. */
    public static boolean covers(String outer, String inner) {
        Optional<Cidr> o = parse(outer);
        Optional<Cidr> i = parse(inner);
        return o.isPresent() && i.isPresent() && o.get().contains(i.get());
    }

    /** Whether the two blocks share an address; false if either is not IPv4. */
    public static boolean overlap(String a, String b) {
        Optional<Cidr> x = parse(a);
        Optional<Cidr> y = parse(b);
        return x.isPresent() && y.isPresent() && (x.get().contains(y.get()) || y.get().contains(x.get()));
    }

    /** The address {@code offset} past the block's base, dotted: the VPC resolver is its primary block's base +2. */
    public String address(int offset) {
        long value = network + offset;
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
