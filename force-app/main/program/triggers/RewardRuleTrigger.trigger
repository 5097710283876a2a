trigger RewardRuleTrigger on Reward_Rule__c(before insert, before update) {
    TriggerDispatcher.run(new RewardRuleTriggerHandler());
}
