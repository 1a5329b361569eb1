package io.herald.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Fake nodes sharing one state, as the product's nodes share one Redis and one store; one node per fault given. */
final class FakeCluster implements AutoCloseable {
    private final FakeHeraldState state;
    private final List<FakeHeraldNode> nodes = new ArrayList<>();

    /** {@code pageSize} is kept small in tests so that catch-up has to follow cursors. */
    FakeCluster(int pageSize, FakeHeraldNode.NodeFault... faults) throws IOException {
        state = new FakeHeraldState(FakeHeraldNode.Fault.NONE, pageSize);
        for (FakeHeraldNode.NodeFault fault : faults) {
            nodes.add(new FakeHeraldNode(state, fault));
        }
    }

    FakeHeraldNode node(int index) {
        return nodes.get(index);
    }

    FakeHeraldState state() {
        return state;
    }

    /** The value of {@code --urls}. */
    String urls() {
        return nodes.stream().map(FakeHeraldNode::url).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        nodes.forEach(FakeHeraldNode::close);
    }
}
