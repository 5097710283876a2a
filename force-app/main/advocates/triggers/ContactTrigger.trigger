trigger ContactTrigger on Contact(after insert, after update) {
    TriggerDispatcher.run(new ContactTriggerHandler());
}
