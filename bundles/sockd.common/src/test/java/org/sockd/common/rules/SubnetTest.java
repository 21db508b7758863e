package org.sockd.common.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubnetTest {

    @Test
    void anAddressIsInTheSubnetWhenTheBitsTheMaskKeepsAgree() {
        Subnet subnet = new Subnet(new byte[] {10, 1, 2, 3}, new byte[] {-1, 0, 0, 0});
        assertThat(subnet.network()).containsExactly(10, 0, 0, 0);
        assertThat(subnet.contains(new byte[] {10, 9, 9, 9})).isTrue();
        assertThat(subnet.contains(new byte[] {11, 1, 2, 3})).isFalse();
        assertThat(subnet.contains(new byte[16])).isFalse();
        assertThat(subnet.keepsNoBit()).isFalse();
        assertThat(new Subnet(new byte[4], new byte[4]).keepsNoBit()).isTrue();
        assertThatThrownBy(() -> new Subnet(new byte[4], new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
