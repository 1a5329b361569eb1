package io.herald.application.port;

/**
 * The delivery engine: takes one push to every live device of an audience, wherever those devices are connected.
 * It never stores anything; whatever must survive a miss (an AI message) is stored before it is sent here.
 */
public interface Fanout {
    Reach send(Audience audience, Push push);
}
