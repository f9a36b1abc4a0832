console.log('coaching-journal: not built yet');
